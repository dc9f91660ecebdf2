import { END_TO_END, encodeLogBatch, encodeMetricBatch, encodeSpanBatch, formatTelemetryManifest, TELEMETRY_HEADERS, type MetricSeriesChunk, type TelemetryKind } from '@architech/contracts';
import type { OutgoingMessage } from '@architech/service-kit';
import { SERIES_METRICS, type LogRecord, type SeriesBucket, type SimulationResult } from '@architech/sim-engine';

/** Series per metric batch and traces/logs per batch: bounded messages, a few hundred KB at most. */
const SERIES_PER_BATCH = 60;
/** Values per metric batch (8 bytes each): ~400 KB, well under Kafka's default 1 MB message limit however long the run. */
const VALUES_PER_BATCH = 50_000;

/** Series per batch for series of `length` values: at most SERIES_PER_BATCH, and at most VALUES_PER_BATCH values in all. */
const seriesPerBatch = (length: number) => Math.max(1, Math.min(SERIES_PER_BATCH, Math.floor(VALUES_PER_BATCH / Math.max(1, length))));
const TRACES_PER_BATCH = 100;
const LOGS_PER_BATCH = 1000;

/** A finished run's telemetry as bus messages, each marked with its place in the final publication. */
export interface FinalTelemetry {
  metrics: OutgoingMessage[];
  spans: OutgoingMessage[];
  logs: OutgoingMessage[];
  /**
   * The live windows carried exactly these series already: one replication (its series are the
   * run's series, not a mean) and every bucket sent live. If they all reached the bus,
   * {@link withoutLiveSeries} spares telemetry storing every point a second time.
   */
  liveSeriesComplete?: boolean;
}

/** Log records as LogBatches; a record's id is its index in the run's log. */
function logMessages(simulationId: string, logs: readonly LogRecord[], firstIndex: number, label: string): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (let i = 0; i < logs.length; i += LOGS_PER_BATCH) {
    const records = logs.slice(i, i + LOGS_PER_BATCH).map((l, j) => ({ ...l, id: `${firstIndex + i + j}` }));
    const batch = encodeLogBatch({ simulationId, batchId: `${simulationId}:${label}:${firstIndex + i}`, records });
    messages.push({ key: simulationId, value: batch });
  }
  return messages;
}

function metricMessages(simulationId: string, result: SimulationResult): OutgoingMessage[] {
  const { timeseries } = result;
  const types = new Map(Object.entries(result.summary.components).map(([id, c]) => [id, c.type]));
  const chunks: MetricSeriesChunk[] = [];
  const sets: [string, string, Record<string, number[]>][] = [[END_TO_END, 'END_TO_END', timeseries.endToEnd], ...Object.entries(timeseries.components).map(([id, s]) => [id, types.get(id) ?? 'UNKNOWN', s] as [string, string, Record<string, number[]>])];
  for (const [componentId, componentType, series] of sets) {
    for (const metric of SERIES_METRICS) chunks.push({ componentId, componentType, metric, startSec: 0, values: series[metric] });
  }
  const messages: OutgoingMessage[] = [];
  const perBatch = seriesPerBatch(chunks[0]?.values.length ?? 0);
  for (let i = 0; i < chunks.length; i += perBatch) {
    const batch = encodeMetricBatch({ simulationId, batchId: `${simulationId}:metrics:${i / perBatch}`, bucketSec: timeseries.bucketSec, series: chunks.slice(i, i + perBatch) });
    messages.push({ key: simulationId, value: batch });
  }
  return messages;
}

function spanMessages(simulationId: string, result: SimulationResult): OutgoingMessage[] {
  const messages: OutgoingMessage[] = [];
  for (let i = 0; i < result.traces.length; i += TRACES_PER_BATCH) {
    const traces = result.traces.slice(i, i + TRACES_PER_BATCH);
    const batch = encodeSpanBatch({ simulationId, batchId: `${simulationId}:spans:${i / TRACES_PER_BATCH}`, traces });
    messages.push({ key: simulationId, value: batch });
  }
  return messages;
}

/**
 * Encodes a finished run's series, traces and logs as protobuf batches keyed by simulation id.
 * Batch ids are deterministic, so a re-published batch is recognisably the same and ingestion
 * stays idempotent. Every batch says which of the final publication it is and how many there are
 * (TELEMETRY_HEADERS), so telemetry can tell when all have landed (telemetryComplete). Pure CPU
 * work: the engine thread does it, so a big run's encoding never holds the services' event loop.
 */
export function encodeFinalTelemetry(simulationId: string, result: SimulationResult, liveBuckets = 0): FinalTelemetry {
  const final = markFinal(metricMessages(simulationId, result), spanMessages(simulationId, result), logMessages(simulationId, result.logs, 0, 'logs'));
  return result.replications === 1 && liveBuckets === result.timeseries.buckets ? { ...final, liveSeriesComplete: true } : final;
}

/** Marks each batch with its place in the final publication and the publication's manifest. */
function markFinal(metrics: OutgoingMessage[], spans: OutgoingMessage[], logs: OutgoingMessage[]): FinalTelemetry {
  const manifest = formatTelemetryManifest({ metrics: metrics.length, spans: spans.length, logs: logs.length });
  const mark = (kind: TelemetryKind, list: OutgoingMessage[]) =>
    list.map((m, index) => ({ ...m, headers: { ...m.headers, [TELEMETRY_HEADERS.batch]: `${kind}:${index}`, [TELEMETRY_HEADERS.manifest]: manifest } }));
  return { metrics: mark('metrics', metrics), spans: mark('spans', spans), logs: mark('logs', logs) };
}

/**
 * The final publication without the series the live windows already delivered (a run with
 * `liveSeriesComplete` whose live batches all reached the bus): one empty metric batch stands in
 * for them, so the publication still has a metrics part whose landing telemetry acknowledges.
 */
export function withoutLiveSeries(simulationId: string, final: FinalTelemetry): FinalTelemetry {
  const unmarked = (list: OutgoingMessage[]) => list.map(({ key, value }) => ({ key, value }));
  const marker = { key: simulationId, value: encodeMetricBatch({ simulationId, batchId: `${simulationId}:metrics:live`, bucketSec: 1, series: [] }) };
  return markFinal([marker], unmarked(final.spans), unmarked(final.logs));
}

/** Buckets of a running simulation's first replication as bus messages: its series and the logs written meanwhile. */
export interface LiveTelemetry {
  metrics: OutgoingMessage[];
  logs: OutgoingMessage[];
}

/** The width of the buckets in a window of them (from two starts, or from one's index and start). */
function bucketWidth(buckets: readonly SeriesBucket[]): number {
  if (buckets.length > 1) return buckets[1].startSec - buckets[0].startSec;
  const [only] = buckets;
  return only.index > 0 ? only.startSec / only.index : 1;
}

/**
 * Encodes buckets of the first replication, closed since the last window, for the dashboards to
 * fill while the run goes on. The final series (the mean over replications) later overwrite the
 * same points; the logs are the same records under the same ids as in the final publication. Pure
 * CPU work: the engine thread does it, so the services' event loop only hands the batches on.
 */
export function encodeLiveTelemetry(simulationId: string, buckets: readonly SeriesBucket[], types: ReadonlyMap<string, string>): LiveTelemetry {
  if (buckets.length === 0) return { metrics: [], logs: [] };
  const first = buckets[0];
  const chunks: MetricSeriesChunk[] = [];
  for (const componentId of [END_TO_END, ...Object.keys(first.components)]) {
    const componentType = componentId === END_TO_END ? 'END_TO_END' : (types.get(componentId) ?? 'UNKNOWN');
    for (const metric of SERIES_METRICS) {
      const values = buckets.map((b) => (componentId === END_TO_END ? b.endToEnd : b.components[componentId])[metric]);
      chunks.push({ componentId, componentType, metric, startSec: first.startSec, values });
    }
  }
  const bucketSec = bucketWidth(buckets);
  const metrics: OutgoingMessage[] = [];
  const perBatch = seriesPerBatch(buckets.length);
  for (let i = 0; i < chunks.length; i += perBatch) {
    const batch = encodeMetricBatch({ simulationId, batchId: `${simulationId}:live:${first.index}:${i / perBatch}`, bucketSec, series: chunks.slice(i, i + perBatch) });
    metrics.push({ key: simulationId, value: batch });
  }
  return { metrics, logs: logMessages(simulationId, buckets.flatMap((b) => b.logs), first.firstLogIndex, 'live-logs') };
}

/**
 * The buffers under the messages' bytes that each message owns whole, to transfer them between
 * threads rather than copy them (a view into a shared buffer, such as Node's Buffer pool, is copied).
 */
export function buffersOf(...lists: readonly OutgoingMessage[][]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const list of lists) {
    for (const { value } of list) {
      if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}
