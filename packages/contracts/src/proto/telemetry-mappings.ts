import type { MessageInitShape } from '@bufbuild/protobuf';
import type { LogLevelName, LogRecordDto, SpanKindName, SpanStatusCodeName, TraceDto, TraceKeepReasonName } from '../api/telemetry.schema';
import { attributesFromProto, attributesToProto } from './attributes';
import { LogLevel, type LogRecord, type LogRecordSchema } from './architech/v1/log_batch_pb';
import { SpanKind, SpanStatusCode, TraceKeepReason, TraceStatus, type Trace, type TraceSchema } from './architech/v1/span_batch_pb';
import { enumMapping, required } from './wire';

/* One mapping per enum of the telemetry messages, used both ways. */
const SPAN_KIND = enumMapping<SpanKindName>('kind', { CLIENT: SpanKind.CLIENT, SERVER: SpanKind.SERVER, CONSUMER: SpanKind.CONSUMER });
const SPAN_STATUS = enumMapping<SpanStatusCodeName>('status_code', { OK: SpanStatusCode.OK, ERROR: SpanStatusCode.ERROR, UNSET: SpanStatusCode.UNSET });
const TRACE_STATUS = enumMapping<'OK' | 'ERROR'>('status', { OK: TraceStatus.OK, ERROR: TraceStatus.ERROR });
const KEEP_REASON = enumMapping<TraceKeepReasonName>('reason', { sampled: TraceKeepReason.SAMPLED, error: TraceKeepReason.ERROR, slow: TraceKeepReason.SLOW });
const LOG_LEVEL = enumMapping<LogLevelName>('level', { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR });

/** A trace of a span batch, both ways: the engine's shape (`TraceDto`) and the wire's. */
export const TRACE_WIRE = {
  toWire(t: TraceDto): MessageInitShape<typeof TraceSchema> {
    const spans = t.spans.map((s) => ({
      ...s,
      parentSpanId: s.parentSpanId ?? '',
      kind: SPAN_KIND.code(s.kind),
      statusCode: SPAN_STATUS.code(s.status.code),
      statusMessage: s.status.message ?? '',
      attributes: attributesToProto(s.attributes),
    }));
    return { ...t, status: TRACE_STATUS.code(t.status), reason: KEEP_REASON.code(t.reason), linkedTraceId: t.linkedTraceId ?? '', spans };
  },

  /** Every trace and span has its ids and named enums; a span's duration is its end minus its start. Throws naming the field. */
  fromWire(t: Trace, i: number): TraceDto {
    const spans = t.spans.map((s, j) => {
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
    });
    return {
      traceId: required(`traces[${i}].trace_id`, t.traceId),
      rootComponentId: t.rootComponentId,
      startMs: t.startMs,
      durationMs: t.durationMs,
      status: TRACE_STATUS.name(t.status, `traces[${i}].status`),
      reason: KEEP_REASON.name(t.reason, `traces[${i}].reason`),
      ...(t.linkedTraceId ? { linkedTraceId: t.linkedTraceId } : {}),
      spans,
    };
  },
};

/** A log record of a log batch, both ways; a record about the whole run has a null component (absent on the wire). */
export const LOG_RECORD_WIRE = {
  toWire({ componentId, attributes, ...r }: LogRecordDto): MessageInitShape<typeof LogRecordSchema> {
    return { ...r, level: LOG_LEVEL.code(r.level), ...(componentId !== null ? { componentId } : {}), attributes: attributesToProto(attributes ?? {}) };
  },

  /** Every record has an id and a named level. Throws naming the field. */
  fromWire(r: LogRecord, i: number): LogRecordDto {
    const level = LOG_LEVEL.name(r.level, `records[${i}].level`);
    return { id: required(`records[${i}].id`, r.id), timeMs: r.timeMs, level, event: r.event, componentId: r.componentId ?? null, message: r.message, attributes: attributesFromProto(r.attributes) };
  },
};
