import type { Pool } from 'pg';
import type { LogQuery, StoredLog, StoredTrace, TraceQuery, TraceStore, TraceSummary } from '../../ports/trace-store.port';
import {
  LOG_COLUMNS,
  SPAN_COLUMNS,
  TRACE_COLUMNS,
  logFromRow,
  spanFromRow,
  traceFromRow,
  type LogRow,
  type SpanRow,
  type TraceRow,
} from './postgres-trace-rows';
import { DELETE_BATCH_ROWS, deleteSimulationRows } from '../sql-batched-delete';
import { quoteSchema } from './sql-schema';
import { tracesInOrder } from './trace-batch';
import { DEFAULT_PAGE_LIMIT, componentsOf } from './trace-summary';

export interface PostgresTraceStoreOptions {
  /** A pool the caller owns (usually the service's own): {@link PostgresTraceStore.close} leaves it open. */
  pool: Pool;
  /** The schema {@link traceTablesMigration} created the tables in. */
  schema: string;
  /** Most rows one statement of {@link PostgresTraceStore.deleteSimulations} deletes; default 5000. */
  deleteBatchRows?: number;
}

/**
 * The trace and log store on Postgres tables: the embedded default (PGlite) and a plain Postgres
 * alike. Batches are written with one `unnest` insert per table and `ON CONFLICT DO NOTHING`, so a
 * redelivered batch is a no-op instead of a duplicate.
 *
 * @example
 * ```ts
 * const store = new PostgresTraceStore({ pool, schema: 'telemetry' });
 * await store.writeTraces(simulationId, traces);
 * const { total, traces: slow } = await store.queryTraces({ simulationId, minDurationMs: 250 });
 * ```
 */
export class PostgresTraceStore implements TraceStore {
  private readonly pool: Pool;
  private readonly traces: string;
  private readonly spans: string;
  private readonly logs: string;
  private readonly deleteBatchRows: number;

  constructor(options: PostgresTraceStoreOptions) {
    const schema = quoteSchema(options.schema);
    this.pool = options.pool;
    this.traces = `${schema}.traces`;
    this.spans = `${schema}.spans`;
    this.logs = `${schema}.logs`;
    this.deleteBatchRows = options.deleteBatchRows ?? DELETE_BATCH_ROWS;
  }

  async writeTraces(simulationId: string, traces: StoredTrace[]): Promise<void> {
    if (traces.length === 0) return;
    const spans = traces.flatMap((trace) => trace.spans);
    // One statement (a data-modifying CTE) so a trace row never lands without its spans: a crash
    // between two statements would leave a summary whose redelivery is then skipped as a conflict.
    // `components` travels as one JSON array per trace because unnest flattens a 2-D text[].
    await this.pool.query(
      `WITH new_traces AS (
         INSERT INTO ${this.traces} (simulation_id, ${TRACE_COLUMNS})
         SELECT $1, t.trace_id, t.root_component_id, t.start_ms, t.duration_ms, t.status, t.reason, t.linked_trace_id, t.span_count,
                ARRAY(SELECT jsonb_array_elements_text(t.components::jsonb))
         FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
           AS t(trace_id, root_component_id, start_ms, duration_ms, status, reason, linked_trace_id, span_count, components)
         ON CONFLICT DO NOTHING
       )
       INSERT INTO ${this.spans} (simulation_id, ${SPAN_COLUMNS})
       SELECT $1, s.trace_id, s.span_id, s.parent_span_id, s.name, s.kind, s.component_id, s.component_type, s.start_ms, s.end_ms,
              s.duration_ms, s.status_code, s.status_message, s.attributes::jsonb
       FROM unnest($11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::float8[],
                   $19::float8[], $20::float8[], $21::text[], $22::text[], $23::text[])
         AS s(trace_id, span_id, parent_span_id, name, kind, component_id, component_type, start_ms, end_ms, duration_ms,
              status_code, status_message, attributes)
       ON CONFLICT DO NOTHING`,
      [
        simulationId,
        traces.map((t) => t.traceId),
        traces.map((t) => t.rootComponentId),
        traces.map((t) => t.startMs),
        traces.map((t) => t.durationMs),
        traces.map((t) => t.status),
        traces.map((t) => t.reason),
        traces.map((t) => t.linkedTraceId ?? null),
        traces.map((t) => t.spans.length),
        traces.map((t) => JSON.stringify(componentsOf(t.spans))),
        spans.map((s) => s.traceId),
        spans.map((s) => s.spanId),
        spans.map((s) => s.parentSpanId),
        spans.map((s) => s.name),
        spans.map((s) => s.kind),
        spans.map((s) => s.componentId),
        spans.map((s) => s.componentType),
        spans.map((s) => s.startMs),
        spans.map((s) => s.endMs),
        spans.map((s) => s.durationMs),
        spans.map((s) => s.status.code),
        spans.map((s) => s.status.message ?? null),
        spans.map((s) => JSON.stringify(s.attributes)),
      ],
    );
  }

  async writeLogs(simulationId: string, logs: StoredLog[]): Promise<void> {
    if (logs.length === 0) return;
    await this.pool.query(
      `INSERT INTO ${this.logs} (simulation_id, ${LOG_COLUMNS})
       SELECT $1, l.id, l.time_ms, l.level, l.event, l.component_id, l.message, l.attributes::jsonb
       FROM unnest($2::text[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
         AS l(id, time_ms, level, event, component_id, message, attributes)
       ON CONFLICT DO NOTHING`,
      [
        simulationId,
        logs.map((l) => l.id),
        logs.map((l) => l.timeMs),
        logs.map((l) => l.level),
        logs.map((l) => l.event),
        logs.map((l) => l.componentId),
        logs.map((l) => l.message),
        logs.map((l) => (l.attributes === undefined ? null : JSON.stringify(l.attributes))),
      ],
    );
  }

  async queryTraces(query: TraceQuery): Promise<{ total: number; traces: TraceSummary[] }> {
    const filter = new SqlFilter(query.simulationId);
    if (query.status !== undefined) filter.add('status = $?', query.status);
    if (query.minDurationMs !== undefined) filter.add('duration_ms >= $?', query.minDurationMs);
    if (query.componentId !== undefined) filter.add('components @> ARRAY[$?::text]', query.componentId);
    const { total, rows } = await this.page<TraceRow>(this.traces, TRACE_COLUMNS, filter, 'start_ms, trace_id', query);
    return { total, traces: rows.map(traceFromRow) };
  }

  async getTrace(simulationId: string, traceId: string): Promise<StoredTrace | undefined> {
    const [traces, spans] = await Promise.all([
      this.pool.query<TraceRow>(`SELECT ${TRACE_COLUMNS} FROM ${this.traces} WHERE simulation_id = $1 AND trace_id = $2`, [simulationId, traceId]),
      // A parent starts no later than its children and ends no earlier, so on equal starts the
      // longer span first keeps parents ahead of the children they enclose.
      this.pool.query<SpanRow>(
        `SELECT ${SPAN_COLUMNS} FROM ${this.spans} WHERE simulation_id = $1 AND trace_id = $2 ORDER BY start_ms, end_ms DESC, span_id`,
        [simulationId, traceId],
      ),
    ]);
    const row = traces.rows[0];
    if (row === undefined) return undefined;
    const { spanCount: _spanCount, components: _components, ...root } = traceFromRow(row);
    return { ...root, spans: spans.rows.map(spanFromRow) };
  }

  async getTraces(simulationId: string, traceIds: readonly string[]): Promise<StoredTrace[]> {
    const ids = [...new Set(traceIds)];
    if (ids.length === 0) return [];
    const [traces, spans] = await Promise.all([
      this.pool.query<TraceRow>(`SELECT ${TRACE_COLUMNS} FROM ${this.traces} WHERE simulation_id = $1 AND trace_id = ANY($2::text[])`, [simulationId, ids]),
      // Each trace's spans in getTrace's order.
      this.pool.query<SpanRow>(
        `SELECT ${SPAN_COLUMNS} FROM ${this.spans} WHERE simulation_id = $1 AND trace_id = ANY($2::text[]) ORDER BY trace_id, start_ms, end_ms DESC, span_id`,
        [simulationId, ids],
      ),
    ]);
    return tracesInOrder(
      ids,
      { rows: traces.rows, traceIdOf: (row) => row.trace_id, summaryOf: traceFromRow },
      { rows: spans.rows, traceIdOf: (row) => row.trace_id, spanOf: spanFromRow },
    );
  }

  async queryLogs(query: LogQuery): Promise<{ total: number; logs: StoredLog[] }> {
    const filter = new SqlFilter(query.simulationId);
    const q = query.q?.trim();
    if (q) {
      // Whole words go through the GIN index; the ILIKE arm catches a partial word ("time" in
      // "timeout"), scanning only this simulation's rows, which the primary key already narrows.
      filter.add(`(search @@ websearch_to_tsquery('simple', $?) OR message ILIKE '%' || $? || '%')`, q, escapeLike(q));
    }
    if (query.level !== undefined) filter.add('level = $?', query.level);
    if (query.componentId !== undefined) filter.add('component_id = $?', query.componentId);
    const { total, rows } = await this.page<LogRow>(this.logs, LOG_COLUMNS, filter, 'time_ms, id', query);
    return { total, logs: rows.map(logFromRow) };
  }

  async deleteSimulation(simulationId: string): Promise<void> {
    // One statement, so a simulation is never left half deleted.
    await this.pool.query(
      `WITH spans AS (DELETE FROM ${this.spans} WHERE simulation_id = $1), logs AS (DELETE FROM ${this.logs} WHERE simulation_id = $1)
       DELETE FROM ${this.traces} WHERE simulation_id = $1`,
      [simulationId],
    );
  }

  /**
   * Spans and logs first, trace summaries last, each in statements of at most `deleteBatchRows`
   * rows: an interrupted delete leaves summaries behind, never spans without their trace, and
   * repeating it finishes the job.
   */
  async deleteSimulations(simulationIds: readonly string[]): Promise<void> {
    for (const table of [this.spans, this.logs, this.traces]) await deleteSimulationRows(this.pool, table, simulationIds, this.deleteBatchRows);
  }

  /** The pool belongs to the caller (see {@link PostgresTraceStoreOptions.pool}); nothing else to release. */
  async close(): Promise<void> {}

  /** One page of `table` under `filter`, with the total of all matching rows (a separate count, so it is known past the last page too). */
  private async page<Row extends object>(
    table: string,
    columns: string,
    filter: SqlFilter,
    orderBy: string,
    paging: { limit?: number; offset?: number },
  ): Promise<{ total: number; rows: Row[] }> {
    const where = filter.sql();
    const n = filter.params.length;
    const [count, page] = await Promise.all([
      this.pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`, filter.params),
      this.pool.query<Row>(`SELECT ${columns} FROM ${table} WHERE ${where} ORDER BY ${orderBy} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...filter.params,
        paging.limit ?? DEFAULT_PAGE_LIMIT,
        paging.offset ?? 0,
      ]),
    ]);
    return { total: count.rows[0].total, rows: page.rows };
  }
}

/** A conjunction of SQL conditions whose `$?` placeholders are numbered as they are added. */
class SqlFilter {
  readonly params: unknown[];
  private readonly conditions = ['simulation_id = $1'];

  constructor(simulationId: string) {
    this.params = [simulationId];
  }

  add(condition: string, ...values: unknown[]): void {
    let next = 0;
    this.conditions.push(condition.replace(/\$\?/g, () => `$${this.params.length + ++next}`));
    this.params.push(...values);
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }
}

/** `q` as a literal ILIKE pattern: its own `%`, `_` and `\` match themselves. */
function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, '\\$&');
}
