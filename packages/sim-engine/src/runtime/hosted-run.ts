import type { DesignSpec, RunConfigSpec } from '../model/design';
import type { SeriesBucket } from './series-recorder';
import type { SimulationProgress, SimulationResult } from './result';
import { simulateParallel } from './parallel-run';
import type { ReplicationPool } from './replication-pool';
import { simulate, SimulationCancelledError, type SimulateOptions } from './simulate';

/** What a hosted run tells its host, in order: progress and series while it runs, then one outcome. */
export type EngineMessage =
  | { kind: 'progress'; progress: SimulationProgress }
  /** Buckets of the first replication's series closed since the last such message. */
  | { kind: 'series'; buckets: SeriesBucket[] }
  | { kind: 'done'; result: SimulationResult }
  | { kind: 'cancelled' }
  /** `code`: the engine error's own (`event_budget_exceeded`, …) or `engine_error`. */
  | { kind: 'failed'; code: string; message: string };

/** Where the engine runs: a Node worker thread, a Web Worker, or the caller's own thread. */
export interface EngineHost {
  /** Wall clock in milliseconds (`performance.now`), for throttling and `wallMs`. */
  clock(): number;
  /** Polled every few thousand events; true stops the run (a shared flag, a deadline…). */
  cancelled(): boolean;
  post(message: EngineMessage): void;
  /**
   * Engine threads to spread the replications over (results are bit-identical to a sequential
   * run); without it, or for a single replication, the run stays on the caller's thread.
   */
  replicationPool?: ReplicationPool;
  /** The flag behind `cancelled`, when it is one: handed to the pool's threads (see `SimulateOptions.cancelFlag`). */
  cancelFlag?: SharedArrayBuffer;
}

/** How often a hosted run reports; omit a field to leave that report out. */
export interface HostedRunOptions {
  /** Minimum wall time between progress messages (the last one, at 100 %, always goes). */
  progressEveryMs?: number;
  /** Minimum wall time between series messages; without it no series are sent while running. */
  seriesEveryMs?: number;
  /** The prices the result's `cost` is computed with; the list prices when omitted. */
  prices?: SimulateOptions['prices'];
}

/**
 * Runs one simulation for a host: the one place that turns the engine's callbacks into throttled
 * progress and batched live series, and its ending into `done`, `cancelled` or `failed`. The CLI,
 * the simulations service's engine threads and the web app's preview worker all run the engine
 * through it, each only moving the messages across its own thread boundary.
 *
 * @example
 * void runHosted(design, config, { progressEveryMs: 250 }, { clock: () => performance.now(), cancelled: () => Atomics.load(flag, 0) === 1, post: (m) => parentPort.postMessage(m) });
 */
export async function runHosted(design: DesignSpec, config: RunConfigSpec, options: HostedRunOptions, host: EngineHost): Promise<void> {
  let lastProgress = -Infinity;
  let buckets: SeriesBucket[] = [];
  let lastSeries = host.clock();
  const flushSeries = () => {
    if (buckets.length === 0) return;
    host.post({ kind: 'series', buckets });
    buckets = [];
    lastSeries = host.clock();
  };
  const { progressEveryMs, seriesEveryMs } = options;
  try {
    const simulateOptions: SimulateOptions = {
      cancelFlag: host.cancelFlag,
      prices: options.prices,
      clock: () => host.clock(),
      shouldCancel: () => host.cancelled(),
      onProgress:
        progressEveryMs === undefined
          ? undefined
          : (progress) => {
              const now = host.clock();
              if (progress.fraction < 1 && now - lastProgress < progressEveryMs) return;
              lastProgress = now;
              host.post({ kind: 'progress', progress });
            },
      onSeriesBucket:
        seriesEveryMs === undefined
          ? undefined
          : (bucket) => {
              buckets.push(bucket);
              if (host.clock() - lastSeries >= seriesEveryMs) flushSeries();
            },
    };
    const pool = host.replicationPool;
    const parallel = pool !== undefined && pool.size > 1 && (config.replications > 1 || config.targetRelError !== undefined);
    // The sequential path does not await, so a host without a pool gets its messages synchronously.
    const result = parallel ? await simulateParallel(design, config, simulateOptions, pool) : simulate(design, config, simulateOptions);
    flushSeries();
    host.post({ kind: 'done', result });
  } catch (error) {
    if (error instanceof SimulationCancelledError) host.post({ kind: 'cancelled' });
    else host.post({ kind: 'failed', code: codeOf(error), message: error instanceof Error ? error.message : String(error) });
  }
}

function codeOf(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'engine_error';
}
