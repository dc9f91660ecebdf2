/*
 * Engine thread: runs one simulation at a time for the pool. The engine is synchronous; here it
 * cannot block the service's event loop, and cancellation arrives through a shared flag.
 */
// First: the thread lowers its priority (SIM_ENGINE_NICE) before loading anything else.
import './thread-priority';
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { LIST_PRICES, localEnginePort, nodeEnginePort, ReplicationPool, runHosted, serveReplications, type SimulationResult } from '@architech/sim-engine';
import { buffersOf, encodeFinalTelemetry, encodeLiveTelemetry } from '../services/final-telemetry';
import type { LendRequest, RunRequest, WorkerReply } from './worker-protocol';

const PROGRESS_INTERVAL_MS = 250;
/** Live series leave the thread in batches this far apart. */
const SERIES_INTERVAL_MS = 500;

parentPort!.on('message', (request: RunRequest | LendRequest) => {
  if (request.kind === 'lend') {
    serveReplications(nodeEnginePort(request.port));
    return;
  }
  // Encoded batches are transferred, not copied: the service's thread receives them without a copy.
  const post = (reply: WorkerReply) => parentPort!.postMessage(reply, reply.kind === 'live' ? buffersOf(reply.live.metrics, reply.live.logs) : reply.kind === 'done' && reply.telemetry ? buffersOf(reply.telemetry.metrics, reply.telemetry.spans, reply.telemetry.logs) : []);
  const types = new Map(request.design.components.map((c) => [c.id, c.type]));
  let liveBuckets = 0;
  const cancel = new Int32Array(request.cancelFlag);
  const runId = request.runId;
  // Lent threads and this one share the replications; this thread also folds their outputs in.
  const helpers = request.helpers ?? [];
  let spawned = 0;
  const replicationPool = helpers.length > 0 ? new ReplicationPool(helpers.length + 1, () => (spawned++ === 0 ? localEnginePort() : nodeEnginePort(helpers[spawned - 2]))) : undefined;
  void runHosted(request.design, request.config, { progressEveryMs: PROGRESS_INTERVAL_MS, ...(request.liveFor !== undefined ? { seriesEveryMs: SERIES_INTERVAL_MS } : {}), ...(request.priceOverrides ? { prices: { ...LIST_PRICES, overrides: request.priceOverrides } } : {}) }, {
    clock: () => performance.now(),
    cancelled: () => Atomics.load(cancel, 0) === 1,
    cancelFlag: request.cancelFlag,
    replicationPool,
    post: (message) => {
      if (message.kind === 'done') post(done(runId, message.result, request.telemetryFor, request.liveFor === request.telemetryFor ? liveBuckets : 0));
      else if (message.kind !== 'series') post({ ...message, runId });
      else if (request.liveFor !== undefined) {
        liveBuckets += message.buckets.length;
        post({ kind: 'live', runId, live: encodeLiveTelemetry(request.liveFor, message.buckets, types) });
      }
    },
  }).finally(() => replicationPool?.close());
});

/**
 * The finished run's reply. With `telemetryFor`, the series, traces and logs leave as encoded bus
 * batches and the JSON carries the rest: the service's event loop then neither parses nor encodes
 * the bulk of a long run (tens of MB for hours of a big design).
 */
function done(runId: number, result: SimulationResult, telemetryFor: string | undefined, liveBuckets: number): WorkerReply {
  if (telemetryFor === undefined) return { kind: 'done', runId, resultJson: JSON.stringify(result) };
  const telemetry = encodeFinalTelemetry(telemetryFor, result, liveBuckets);
  const { timeseries, traces, logs, ...rest } = result;
  void timeseries;
  void traces;
  void logs;
  return { kind: 'done', runId, resultJson: JSON.stringify(rest), telemetry };
}
