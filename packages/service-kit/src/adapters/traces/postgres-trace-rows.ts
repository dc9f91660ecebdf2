import type { StoredLog, StoredSpan, StoredTrace, TraceSummary } from '../../ports/trace-store.port';

/** A `traces` row as pg returns it (float8 and int4 parse to numbers, text[] to string[]). */
export interface TraceRow {
  trace_id: string;
  root_component_id: string;
  start_ms: number;
  duration_ms: number;
  status: StoredTrace['status'];
  reason: TraceSummary['reason'];
  linked_trace_id: string | null;
  span_count: number;
  components: string[];
}

/** A `spans` row as pg returns it (jsonb parses to an object). */
export interface SpanRow {
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: StoredSpan['kind'];
  component_id: string;
  component_type: string;
  start_ms: number;
  end_ms: number;
  duration_ms: number;
  status_code: StoredSpan['status']['code'];
  status_message: string | null;
  attributes: StoredSpan['attributes'];
}

/** A `logs` row as pg returns it. */
export interface LogRow {
  id: string;
  time_ms: number;
  level: StoredLog['level'];
  event: string;
  component_id: string | null;
  message: string;
  attributes: StoredLog['attributes'] | null;
}

/** Column lists shared by the inserts and selects, in the order the row interfaces above name them. */
export const TRACE_COLUMNS = 'trace_id, root_component_id, start_ms, duration_ms, status, reason, linked_trace_id, span_count, components';
export const SPAN_COLUMNS =
  'trace_id, span_id, parent_span_id, name, kind, component_id, component_type, start_ms, end_ms, duration_ms, status_code, status_message, attributes';
export const LOG_COLUMNS = 'id, time_ms, level, event, component_id, message, attributes';

/** A trace row as the port's summary; an absent link stays absent rather than `null`. */
export function traceFromRow(row: TraceRow): TraceSummary {
  const trace: TraceSummary = {
    traceId: row.trace_id,
    rootComponentId: row.root_component_id,
    startMs: row.start_ms,
    durationMs: row.duration_ms,
    status: row.status,
    reason: row.reason,
    spanCount: row.span_count,
    components: row.components,
  };
  if (row.linked_trace_id !== null) trace.linkedTraceId = row.linked_trace_id;
  return trace;
}

/** A span row in the port's shape; a null status message stays absent, as the engine leaves it. */
export function spanFromRow(row: SpanRow): StoredSpan {
  const status: StoredSpan['status'] = { code: row.status_code };
  if (row.status_message !== null) status.message = row.status_message;
  return {
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    name: row.name,
    kind: row.kind,
    componentId: row.component_id,
    componentType: row.component_type,
    startMs: row.start_ms,
    endMs: row.end_ms,
    durationMs: row.duration_ms,
    status,
    attributes: row.attributes,
  };
}

/** A log row in the port's shape; null attributes stay absent. */
export function logFromRow(row: LogRow): StoredLog {
  const log: StoredLog = {
    id: row.id,
    timeMs: row.time_ms,
    level: row.level,
    event: row.event,
    componentId: row.component_id,
    message: row.message,
  };
  if (row.attributes !== null) log.attributes = row.attributes;
  return log;
}
