/** A span in OpenTelemetry's shape (the engine's `Span`), stored per simulation. */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  componentId: string;
  componentType: string;
  startMs: number;
  endMs: number;
  durationMs: number;
  status: { code: 'OK' | 'ERROR' | 'UNSET'; message?: string };
  attributes: Record<string, string | number | boolean>;
}

/** A trace as written: its root facts and spans. */
export interface StoredTrace {
  traceId: string;
  rootComponentId: string;
  startMs: number;
  durationMs: number;
  status: 'OK' | 'ERROR';
  reason: string;
  linkedTraceId?: string;
  spans: StoredSpan[];
}

export type TraceSummary = Omit<StoredTrace, 'spans'> & { spanCount: number; components: string[] };

/** A structured log record with a stable id (so a redelivered batch is not stored twice). */
export interface StoredLog {
  id: string;
  timeMs: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  event: string;
  componentId: string | null;
  message: string;
  attributes?: Record<string, string | number | boolean>;
}

export interface TraceQuery {
  simulationId: string;
  status?: 'OK' | 'ERROR';
  minDurationMs?: number;
  /** Traces with at least one span on this component. */
  componentId?: string;
  limit?: number;
  offset?: number;
}

export interface LogQuery {
  simulationId: string;
  /** Full-text search over the message. */
  q?: string;
  level?: StoredLog['level'];
  componentId?: string;
  limit?: number;
  offset?: number;
}

/**
 * The trace and log store port. Writes are idempotent by trace id and log id. Adapters: Postgres
 * tables (embedded) and Elasticsearch (distributed), with OpenTelemetry-shaped span documents.
 */
export interface TraceStore {
  writeTraces(simulationId: string, traces: StoredTrace[]): Promise<void>;
  writeLogs(simulationId: string, logs: StoredLog[]): Promise<void>;
  /** Newest-first is not meaningful in simulated time: results are ordered by start time. */
  queryTraces(query: TraceQuery): Promise<{ total: number; traces: TraceSummary[] }>;
  getTrace(simulationId: string, traceId: string): Promise<StoredTrace | undefined>;
  queryLogs(query: LogQuery): Promise<{ total: number; logs: StoredLog[] }>;
  deleteSimulation(simulationId: string): Promise<void>;
  close(): Promise<void>;
}
