/*
 * Worker thread entry: runs the engine. The engine is synchronous, so on the main thread it would
 * block the event loop and Ctrl+C could never be handled; here the main thread stays free to
 * catch SIGINT and raise a shared flag, which the engine reads through `shouldCancel`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { simulate, SimulationCancelledError, type SimulationProgress } from '@architech/sim-engine';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** Redraws closer together than this only cost time and flicker. */
const PROGRESS_INTERVAL_MS = 100;

const request = workerData as WorkerRequest;
const cancelFlag = new Int32Array(request.cancelFlag);
const clock = (): number => performance.now();
let lastProgressMs = -Infinity;

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

function onProgress(progress: SimulationProgress): void {
  const now = clock();
  if (progress.fraction < 1 && now - lastProgressMs < PROGRESS_INTERVAL_MS) return;
  lastProgressMs = now;
  post({ kind: 'progress', progress });
}

try {
  const result = simulate(request.design, request.config, {
    clock,
    shouldCancel: () => Atomics.load(cancelFlag, 0) === 1,
    onProgress: request.reportProgress ? onProgress : undefined,
  });
  const { timeseries: _dropped, ...withoutSeries } = result;
  post({ kind: 'done', resultJson: JSON.stringify(request.includeSeries ? result : withoutSeries) });
} catch (error) {
  if (error instanceof SimulationCancelledError) post({ kind: 'cancelled' });
  else post({ kind: 'failed', code: (error as { code?: string }).code ?? 'internal', message: (error as Error).message ?? String(error) });
}
