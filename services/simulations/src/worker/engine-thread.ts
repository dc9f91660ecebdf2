/*
 * Engine thread: runs one simulation at a time for the pool. The engine is synchronous; here it
 * cannot block the service's event loop, and cancellation arrives through a shared flag.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { runHosted } from '@architech/sim-engine';
import type { RunRequest, WorkerReply } from './worker-protocol';

const PROGRESS_INTERVAL_MS = 250;
/** Live series leave the thread in batches this far apart. */
const SERIES_INTERVAL_MS = 500;

parentPort!.on('message', (request: RunRequest) => {
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply);
  const cancel = new Int32Array(request.cancelFlag);
  const runId = request.runId;
  runHosted(request.design, request.config, { progressEveryMs: PROGRESS_INTERVAL_MS, seriesEveryMs: SERIES_INTERVAL_MS }, {
    clock: () => performance.now(),
    cancelled: () => Atomics.load(cancel, 0) === 1,
    post: (message) => post(message.kind === 'done' ? { kind: 'done', runId, resultJson: JSON.stringify(message.result) } : { ...message, runId }),
  });
});
