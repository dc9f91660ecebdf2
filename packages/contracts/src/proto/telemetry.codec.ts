import { METRIC_NAMES, type LogLevelName, type LogRecordDto, type MetricName, type SpanKindName, type SpanStatusCodeName, type TraceDto, type TraceKeepReasonName } from '../api/telemetry.schema';
import { attributesFromProto, attributesToProto } from './attributes';
import { LogBatchSchema, LogLevel } from './architech/v1/log_batch_pb';
import { MetricBatchSchema } from './architech/v1/metric_batch_pb';
import { SpanBatchSchema, SpanKind, SpanStatusCode, TraceKeepReason, TraceStatus } from './architech/v1/span_batch_pb';
import { decodeWire, encodeWire, enumMapping, InvalidField, required, within } from './wire';

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

/* One mapping per enum of the telemetry messages, used both ways. */
const SPAN_KIND = enumMapping<SpanKindName>('kind', { CLIENT: SpanKind.CLIENT, SERVER: SpanKind.SERVER, CONSUMER: SpanKind.CONSUMER });
const SPAN_STATUS = enumMapping<SpanStatusCodeName>('status_code', { OK: SpanStatusCode.OK, ERROR: SpanStatusCode.ERROR, UNSET: SpanStatusCode.UNSET });
const TRACE_STATUS = enumMapping<'OK' | 'ERROR'>('status', { OK: TraceStatus.OK, ERROR: TraceStatus.ERROR });
const KEEP_REASON = enumMapping<TraceKeepReasonName>('reason', { sampled: TraceKeepReason.SAMPLED, error: TraceKeepReason.ERROR, slow: TraceKeepReason.SLOW });
const LOG_LEVEL = enumMapping<LogLevelName>('level', { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR });

const METRICS: ReadonlySet<string> = new Set(METRIC_NAMES);

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
    simulationId: b.simulationId,
    batchId: required('batch_id', b.batchId),
    bucketSec: within('bucket_sec', b.bucketSec, 1),
    series: b.series.map((s, i) => {
      if (!METRICS.has(s.metric)) throw new InvalidField(`series[${i}].metric`, `'${s.metric}' is none of ${METRIC_NAMES.join(', ')}`);
      return { componentId: required(`series[${i}].component_id`, s.componentId), componentType: s.componentType, metric: s.metric as MetricName, startSec: s.startSec, values: s.values };
    }),
  }));
}

/** @throws BusMessageError when `simulationId` is empty. */
export function encodeSpanBatch(batch: SpanBatchMessage): Uint8Array {
  return encodeWire(SpanBatchSchema, {
    simulationId: batch.simulationId,
    batchId: batch.batchId,
    traces: batch.traces.map((t) => ({
      traceId: t.traceId,
      rootComponentId: t.rootComponentId,
      startMs: t.startMs,
      durationMs: t.durationMs,
      status: TRACE_STATUS.code(t.status),
      reason: KEEP_REASON.code(t.reason),
      linkedTraceId: t.linkedTraceId ?? '',
      spans: t.spans.map((s) => ({
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId ?? '',
        name: s.name,
        kind: SPAN_KIND.code(s.kind),
        componentId: s.componentId,
        componentType: s.componentType,
        startMs: s.startMs,
        endMs: s.endMs,
        statusCode: SPAN_STATUS.code(s.status.code),
        statusMessage: s.status.message ?? '',
        attributes: attributesToProto(s.attributes),
      })),
    })),
  });
}

/**
 * Decodes a span batch into traces as the engine wrote them: every trace and span has its ids and
 * named enums (status, reason, kind); a span's duration is its end minus its start.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeSpanBatch(bytes: Uint8Array): SpanBatchMessage {
  return decodeWire(SpanBatchSchema, bytes, (b) => ({
    simulationId: b.simulationId,
    batchId: required('batch_id', b.batchId),
    traces: b.traces.map((t, i) => ({
      traceId: required(`traces[${i}].trace_id`, t.traceId),
      rootComponentId: t.rootComponentId,
      startMs: t.startMs,
      durationMs: t.durationMs,
      status: TRACE_STATUS.name(t.status, `traces[${i}].status`),
      reason: KEEP_REASON.name(t.reason, `traces[${i}].reason`),
      ...(t.linkedTraceId ? { linkedTraceId: t.linkedTraceId } : {}),
      spans: t.spans.map((s, j) => {
        const at = `traces[${i}].spans[${j}]`;
        const code = SPAN_STATUS.name(s.statusCode, `${at}.status_code`);
        return {
          traceId: s.traceId,
          spanId: required(`${at}.span_id`, s.spanId),
          parentSpanId: s.parentSpanId || null,
          name: s.name,
          kind: SPAN_KIND.name(s.kind, `${at}.kind`),
          componentId: s.componentId,
          componentType: s.componentType,
          startMs: s.startMs,
          endMs: s.endMs,
          durationMs: s.endMs - s.startMs,
          status: s.statusMessage ? { code, message: s.statusMessage } : { code },
          attributes: attributesFromProto(s.attributes),
        };
      }),
    })),
  }));
}

/** @throws BusMessageError when `simulationId` is empty. */
export function encodeLogBatch(batch: LogBatchMessage): Uint8Array {
  return encodeWire(LogBatchSchema, {
    simulationId: batch.simulationId,
    batchId: batch.batchId,
    records: batch.records.map((r) => ({
      id: r.id,
      timeMs: r.timeMs,
      level: LOG_LEVEL.code(r.level),
      event: r.event,
      ...(r.componentId !== null ? { componentId: r.componentId } : {}),
      message: r.message,
      attributes: attributesToProto(r.attributes ?? {}),
    })),
  });
}

/**
 * Decodes a log batch: every record has an id and a named level; a record about the whole run has
 * a null component.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeLogBatch(bytes: Uint8Array): LogBatchMessage {
  return decodeWire(LogBatchSchema, bytes, (b) => ({
    simulationId: b.simulationId,
    batchId: required('batch_id', b.batchId),
    records: b.records.map((r, i) => ({
      id: required(`records[${i}].id`, r.id),
      timeMs: r.timeMs,
      level: LOG_LEVEL.name(r.level, `records[${i}].level`),
      event: r.event,
      componentId: r.componentId ?? null,
      message: r.message,
      attributes: attributesFromProto(r.attributes),
    })),
  }));
}
