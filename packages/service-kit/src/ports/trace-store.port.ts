import type { LogRecordDto, SpanDto, TraceDto, TraceSummaryDto } from '@architech/contracts';

/** A span in OpenTelemetry's shape (the engine's `Span`), stored per simulation: the API's shape. */
export type StoredSpan = SpanDto;

/** A trace as written: its root facts and spans. */
export type StoredTrace = TraceDto;

export type TraceSummary = TraceSummaryDto;

/** A structured log record with a stable id (so a redelivered batch is not stored twice). */
export type StoredLog = LogRecordDto;

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
  /**
   * Several traces with their spans, in the order of `traceIds` (a repeated id once, at its first
   * place); ids the simulation did not keep are left out. A few queries whatever the count, where
   * `getTrace` per id costs a round trip each (the replay reads a sample of hundreds).
   */
  getTraces(simulationId: string, traceIds: readonly string[]): Promise<StoredTrace[]>;
  queryLogs(query: LogQuery): Promise<{ total: number; logs: StoredLog[] }>;
  deleteSimulation(simulationId: string): Promise<void>;
  /**
   * Deletes the traces, spans and logs of several simulations (retention, purge) in bounded steps,
   * so other runs' writes and queries go on in between. An id with nothing stored is skipped.
   */
  deleteSimulations(simulationIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
