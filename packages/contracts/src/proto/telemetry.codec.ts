import { METRIC_NAMES, type LogRecordDto, type MetricName, type TraceDto } from '../api/telemetry.schema';
import { LogBatchSchema } from './architech/v1/log_batch_pb';
import { MetricBatchSchema } from './architech/v1/metric_batch_pb';
import { SpanBatchSchema } from './architech/v1/span_batch_pb';
import { LOG_RECORD_WIRE, TRACE_WIRE } from './telemetry-mappings';
import { decodeWire, encodeWire, InvalidField, required, within } from './wire';

/** Consecutive bucket values of one metric of one component (or of the end-to-end view). */
export interface MetricSeriesChunk {
  componentId: string;
  componentType: string;
  metric: MetricName;
  /** Simulated start of values[0]; values[i] covers startSec + i × bucketSec. */
  startSec: number;
  values: number[];
}

/** A slice of a simulation's series (`BUS_TOPICS.metrics`); `batchId` is deterministic, for idempotent writes. */
export interface MetricBatchMessage {
  simulationId: string;
  batchId: string;
  bucketSec: number;
  series: MetricSeriesChunk[];
}

/** Kept traces with all their spans (`BUS_TOPICS.spans`), as the engine produced them. */
export interface SpanBatchMessage {
  simulationId: string;
  batchId: string;
  traces: TraceDto[];
}

/** Log records (`BUS_TOPICS.logs`); a record's `id` is stable across redeliveries. */
export interface LogBatchMessage {
  simulationId: string;
  batchId: string;
  records: LogRecordDto[];
}

const METRICS: ReadonlySet<string> = new Set(METRIC_NAMES);

/** The ids every telemetry batch carries; the batch id makes writes idempotent, so it is required. */
const batchIds = (b: { simulationId: string; batchId: string }) => ({ simulationId: b.simulationId, batchId: required('batch_id', b.batchId) });

/** @throws BusMessageError when `simulationId` is empty. */
export function encodeMetricBatch(batch: MetricBatchMessage): Uint8Array {
  return encodeWire(MetricBatchSchema, batch);
}

/**
 * Decodes a metric batch: a batch id, buckets of at least 1 s, and series of known metrics
 * ({@link METRIC_NAMES}) on named components.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeMetricBatch(bytes: Uint8Array): MetricBatchMessage {
  return decodeWire(MetricBatchSchema, bytes, (b) => ({
    ...batchIds(b),
    bucketSec: within('bucket_sec', b.bucketSec, 1),
    series: b.series.map((s, i) => {
      if (!METRICS.has(s.metric)) throw new InvalidField(`series[${i}].metric`, `'${s.metric}' is none of ${METRIC_NAMES.join(', ')}`);
      return { componentId: required(`series[${i}].component_id`, s.componentId), componentType: s.componentType, metric: s.metric as MetricName, startSec: s.startSec, values: s.values };
    }),
  }));
}

/** @throws BusMessageError when `simulationId` is empty. */
export function encodeSpanBatch(batch: SpanBatchMessage): Uint8Array {
  return encodeWire(SpanBatchSchema, { ...batch, traces: batch.traces.map(TRACE_WIRE.toWire) });
}

/**
 * Decodes a span batch into traces as the engine wrote them: every trace and span has its ids and
 * named enums (status, reason, kind); a span's duration is its end minus its start.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeSpanBatch(bytes: Uint8Array): SpanBatchMessage {
  return decodeWire(SpanBatchSchema, bytes, (b) => ({ ...batchIds(b), traces: b.traces.map(TRACE_WIRE.fromWire) }));
}

/** @throws BusMessageError when `simulationId` is empty. */
export function encodeLogBatch(batch: LogBatchMessage): Uint8Array {
  return encodeWire(LogBatchSchema, { ...batch, records: batch.records.map(LOG_RECORD_WIRE.toWire) });
}

/**
 * Decodes a log batch: every record has an id and a named level; a record about the whole run has
 * a null component.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeLogBatch(bytes: Uint8Array): LogBatchMessage {
  return decodeWire(LogBatchSchema, bytes, (b) => ({ ...batchIds(b), records: b.records.map(LOG_RECORD_WIRE.fromWire) }));
}
