/** A span in OpenTelemetry's shape, with simulated times in milliseconds. */
export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: 'CLIENT' | 'SERVER' | 'CONSUMER';
  componentId: string;
  componentType: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  status: { code: 'OK' | 'ERROR' | 'UNSET'; message?: string };
  attributes: Record<string, string | number | boolean>;
}

/** One kept trace: a client request or a message delivery, with every span it produced. */
export interface Trace {
  traceId: string;
  rootComponentId: string;
  startMs: number;
  durationMs: number;
  status: 'OK' | 'ERROR';
  /** Why it was kept: head-sampled, failed, or among the slowest. */
  reason: 'sampled' | 'error' | 'slow';
  /** The producer's trace, for a message delivered from a QUEUE. */
  linkedTraceId?: string;
  spans: Span[];
}

/** A structured log record, timestamped in simulated milliseconds. */
export interface LogRecord {
  timeMs: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  event: string;
  componentId: string | null;
  message: string;
  attributes?: Record<string, string | number | boolean>;
}
