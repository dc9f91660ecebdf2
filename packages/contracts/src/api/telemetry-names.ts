/* The names the engine's telemetry uses, free of zod so that the engine (and the editor's preview worker) can import them without the schemas. */

/**
 * The per-bucket series every component and the end-to-end view report (the engine's
 * `SERIES_METRICS`, docs/engine.md §8): counts per bucket for `arrivals` … `timeouts`,
 * completions per second for `throughput`, milliseconds for the latencies, 0–1 for
 * `utilization`, a time average for `queueLength`, active replicas, and `breakerState`
 * (0 closed, 1 half-open, 2 open).
 */
export const METRIC_NAMES = [
  'arrivals',
  'completions',
  'errors',
  'drops',
  'timeouts',
  'throughput',
  'latencyMean',
  'latencyP50',
  'latencyP95',
  'latencyP99',
  'latencyMax',
  'utilization',
  'queueLength',
  'replicas',
  'breakerState',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** The component id under which the end-to-end series are stored and queried. */
export const END_TO_END = '_end_to_end';

/** The OpenTelemetry span kinds the engine produces: a client request's root, a hop served by a component, a queue delivery's root. */
export const SPAN_KINDS = ['CLIENT', 'SERVER', 'CONSUMER'] as const;
export type SpanKindName = (typeof SPAN_KINDS)[number];

/** OpenTelemetry's span status codes; `UNSET`: the span had not ended when its trace ended. */
export const SPAN_STATUS_CODES = ['OK', 'ERROR', 'UNSET'] as const;
export type SpanStatusCodeName = (typeof SPAN_STATUS_CODES)[number];

/** Why the engine kept a trace: head-sampled, failed, or among the slowest. */
export const TRACE_KEEP_REASONS = ['sampled', 'error', 'slow'] as const;
export type TraceKeepReasonName = (typeof TRACE_KEEP_REASONS)[number];

/** Log levels of the engine's structured logs, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
