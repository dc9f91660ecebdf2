/*
 * Engine thread: runs one simulation at a time for the pool. The engine is synchronous; here it
 * cannot block the service's event loop, and cancellation arrives through a shared flag.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { simulate, SimulationCancelledError, type DesignSpec, type RunConfigSpec, type SeriesBucket } from '@architech/sim-engine';
import type { RunRequest, WorkerReply } from './worker-protocol';

const PROGRESS_INTERVAL_MS = 250;
/** Live series leave the thread in batches this far apart. */
const SERIES_INTERVAL_MS = 500;

parentPort!.on('message', (request: RunRequest) => {
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
  const cancel = new Int32Array(request.cancelFlag);
  let last = -Infinity;
  let buckets: SeriesBucket[] = [];
  let lastSeries = performance.now();
  const flushSeries = () => {
    if (buckets.length === 0) return;
    post({ kind: 'series', runId: request.runId, buckets });
    buckets = [];
    lastSeries = performance.now();
  };
  try {
    const result = simulate(request.design as DesignSpec, request.config as RunConfigSpec, {
      clock: () => performance.now(),
      shouldCancel: () => Atomics.load(cancel, 0) === 1,
      onProgress: (progress) => {
        const now = performance.now();
        if (progress.fraction < 1 && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        post({ kind: 'progress', runId: request.runId, progress });
      },
      onSeriesBucket: (bucket) => {
        buckets.push(bucket);
        if (performance.now() - lastSeries >= SERIES_INTERVAL_MS) flushSeries();
      },
    });
    flushSeries();
    post({ kind: 'done', runId: request.runId, resultJson: JSON.stringify(result) });
  } catch (error) {
    if (error instanceof SimulationCancelledError) post({ kind: 'cancelled', runId: request.runId });
    else post({ kind: 'failed', runId: request.runId, code: (error as { code?: string }).code ?? 'engine_error', message: (error as Error).message ?? String(error) });
  }
});
