import type { StoredLog, StoredSpan, StoredTrace, TraceSummary } from '../../ports/trace-store.port';
import { summarizeTrace } from './trace-summary';

/**
 * A span as an Elasticsearch document, in OpenTelemetry's shape: snake_case span fields, the span's
 * own `attributes`, and the component as the resource's `service.name` (in OTel a service is
 * what emits spans; in a simulation that is the component). Times are simulated milliseconds.
 */
export interface SpanDocument {
  simulation_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: StoredSpan['kind'];
  start_time_ms: number;
  end_time_ms: number;
  duration_ms: number;
  status: { code: StoredSpan['status']['code']; message?: string };
  attributes: StoredSpan['attributes'];
  resource: { attributes: { 'service.name': string; 'architech.component.type': string } };
}

/** A trace's summary as a document, so trace listings never aggregate over spans. */
export interface TraceDocument {
  simulation_id: string;
  trace_id: string;
  root_component_id: string;
  start_time_ms: number;
  duration_ms: number;
  status: StoredTrace['status'];
  reason: TraceSummary['reason'];
  linked_trace_id: string | null;
  span_count: number;
  components: string[];
}

/** A structured log record as a document. */
export interface LogDocument {
  simulation_id: string;
  id: string;
  time_ms: number;
  level: StoredLog['level'];
  event: string;
  component_id: string | null;
  message: string;
  attributes?: StoredLog['attributes'];
}

/** The span's document; `span.status` is copied so an absent message stays absent. */
export function spanDocument(simulationId: string, span: StoredSpan): SpanDocument {
  return {
    simulation_id: simulationId,
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    name: span.name,
    kind: span.kind,
    start_time_ms: span.startMs,
    end_time_ms: span.endMs,
    duration_ms: span.durationMs,
    status: { ...span.status },
    attributes: span.attributes,
    resource: { attributes: { 'service.name': span.componentId, 'architech.component.type': span.componentType } },
  };
}

/** Reads a span document back into the port's shape. */
export function spanFromDocument(doc: SpanDocument): StoredSpan {
  return {
    traceId: doc.trace_id,
    spanId: doc.span_id,
    parentSpanId: doc.parent_span_id,
    name: doc.name,
    kind: doc.kind,
    componentId: doc.resource.attributes['service.name'],
    componentType: doc.resource.attributes['architech.component.type'],
    startMs: doc.start_time_ms,
    endMs: doc.end_time_ms,
    durationMs: doc.duration_ms,
    status: doc.status,
    attributes: doc.attributes,
  };
}

/** The trace's summary document (its spans are written as their own documents). */
export function traceDocument(simulationId: string, trace: StoredTrace): TraceDocument {
  const summary = summarizeTrace(trace);
  return {
    simulation_id: simulationId,
    trace_id: summary.traceId,
    root_component_id: summary.rootComponentId,
    start_time_ms: summary.startMs,
    duration_ms: summary.durationMs,
    status: summary.status,
    reason: summary.reason,
    linked_trace_id: summary.linkedTraceId ?? null,
    span_count: summary.spanCount,
    components: summary.components,
  };
}

/** Reads a trace document back as a summary; an absent link stays absent rather than `null`. */
export function traceFromDocument(doc: TraceDocument): TraceSummary {
  const trace: TraceSummary = {
    traceId: doc.trace_id,
    rootComponentId: doc.root_component_id,
    startMs: doc.start_time_ms,
    durationMs: doc.duration_ms,
    status: doc.status,
    reason: doc.reason,
    spanCount: doc.span_count,
    components: doc.components,
  };
  if (doc.linked_trace_id !== null) trace.linkedTraceId = doc.linked_trace_id;
  return trace;
}

/** The log record's document. */
export function logDocument(simulationId: string, log: StoredLog): LogDocument {
  const doc: LogDocument = {
    simulation_id: simulationId,
    id: log.id,
    time_ms: log.timeMs,
    level: log.level,
    event: log.event,
    component_id: log.componentId,
    message: log.message,
  };
  if (log.attributes !== undefined) doc.attributes = log.attributes;
  return doc;
}

/** Reads a log document back into the port's shape. */
export function logFromDocument(doc: LogDocument): StoredLog {
  const log: StoredLog = {
    id: doc.id,
    timeMs: doc.time_ms,
    level: doc.level,
    event: doc.event,
    componentId: doc.component_id,
    message: doc.message,
  };
  if (doc.attributes !== undefined) log.attributes = doc.attributes;
  return log;
}
