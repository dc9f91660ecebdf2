/*
 * Worker thread entry: runs the engine. The engine is synchronous, so on the main thread it would
 * block the event loop and Ctrl+C could never be handled; here the main thread stays free to
 * catch SIGINT and raise a shared flag, which the engine reads through the host's `cancelled`.
 */
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { nodeEnginePort, ReplicationPool, runHosted } from '@architech/sim-engine';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';

/** Redraws closer together than this only cost time and flicker. */
const PROGRESS_INTERVAL_MS = 100;

const request = workerData as WorkerRequest;
const cancelFlag = new Int32Array(request.cancelFlag);
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);

// With several threads the replications run on a pool of their own threads; this one coordinates.
const replicationPool = request.threads > 1 ? new ReplicationPool(request.threads, () => nodeEnginePort(new Worker(join(__dirname, 'replication-worker.js')))) : undefined;

void runHosted(request.design, request.config, { progressEveryMs: request.reportProgress ? PROGRESS_INTERVAL_MS : undefined }, {
  clock: () => performance.now(),
  cancelled: () => Atomics.load(cancelFlag, 0) === 1,
  replicationPool,
  post: (message) => {
    if (message.kind === 'done') {
      // Serialised here, in the worker, so that nothing is lost in transfer.
      const { timeseries: _dropped, ...withoutSeries } = message.result;
      post({ kind: 'done', resultJson: JSON.stringify(request.includeSeries ? message.result : withoutSeries) });
    } else if (message.kind !== 'series') {
      post(message);
    }
  },
}).finally(() => replicationPool?.close());
