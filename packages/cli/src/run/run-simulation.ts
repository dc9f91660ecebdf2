import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveDesign, type Design, type SimulationConfig } from '@architech/contracts';
import type { SimulationProgress } from '@architech/sim-engine';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** How a run ended. */
export type RunOutcome =
  /** `resultJson` is the engine's result as `JSON.stringify` wrote it (without `timeseries` unless asked). */
  | { kind: 'done'; resultJson: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };

export interface RunOptions {
  /** Called with throttled progress; omit to have none computed or sent. */
  onProgress?: (progress: SimulationProgress) => void;
  /** Whether `resultJson` keeps the time series. */
  includeSeries: boolean;
  /**
   * Threads to spread the replications over (results are identical whatever the count); defaults
   * to the machine's available parallelism. A single replication always runs on one thread.
   */
  threads?: number;
  /** Subscribes to Ctrl+C for the duration of the run; returns the unsubscribe function. */
  onInterrupt(handler: () => void): () => void;
}

/**
 * Runs the engine on a worker thread (see `simulation-worker.ts` for why). The first Ctrl+C asks
 * the engine to stop at its next cancellation poll; a second one terminates the worker at once,
 * for the rare stretch of work between polls.
 */
export function runSimulation(design: Design, config: SimulationConfig, options: RunOptions): Promise<RunOutcome> {
  const cancelFlag = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const request: WorkerRequest = { design: resolveDesign(design), config, cancelFlag, reportProgress: options.onProgress !== undefined, includeSeries: options.includeSeries, threads: options.threads ?? availableParallelism() };
  const worker = new Worker(join(__dirname, 'simulation-worker.js'), { workerData: request });

  return new Promise<RunOutcome>((resolve) => {
    let settled = false;
    let interrupts = 0;
    const finish = (outcome: RunOutcome): void => {
      if (settled) return;
      settled = true;
      unsubscribe();
      void worker.terminate();
      resolve(outcome);
    };
    const unsubscribe = options.onInterrupt(() => {
      interrupts++;
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      if (interrupts > 1) finish({ kind: 'cancelled' });
    });

    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') options.onProgress?.(message.progress);
      else finish(message);
    });
    worker.on('error', (error) => finish({ kind: 'failed', code: 'internal', message: error.message }));
    worker.on('exit', (code) => finish({ kind: 'failed', code: 'internal', message: `the simulation worker stopped unexpectedly (exit code ${code})` }));
  });
}
