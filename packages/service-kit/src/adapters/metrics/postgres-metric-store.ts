import type { Pool, PoolClient } from 'pg';
import type { MetricPoint, MetricQuery, MetricSeries, MetricStore } from '../../ports/metric-store.port';
import { columnParameters, distinctPointColumns } from './metric-point-columns';
import { storablePoints } from './metric-point-rules';
import { checkMetricQuery, orderSeries, planDownsampling, queriedComponents, type DownsamplingPlan } from './metric-query-rules';
import { quoteMetricSchema } from './metric-schema';
import { DELETE_BATCH_ROWS, deleteSimulationRows } from '../sql-batched-delete';

export interface PostgresMetricStoreOptions {
  /** A pool the caller owns (usually the service's own): {@link PostgresMetricStore.close} leaves it open. */
  pool: Pool;
  /** The schema {@link metricPointsMigration} created `metric_points` in. */
  schema: string;
  /** Most points per insert statement; default 5000. */
  batchPoints?: number;
  /** Insert statements one write runs at once, each on its own pooled connection; default 2. */
  parallelStatements?: number;
  /** Most rows one statement of {@link PostgresMetricStore.deleteSimulations} deletes; default 5000. */
  deleteBatchRows?: number;
}

const UNIQUE_VIOLATION = '23505';
/** Below this many points a statement's fixed costs outweigh what running in parallel saves. */
const MIN_STATEMENT_POINTS = 500;

interface PointRow {
  component_id: string;
  component_type: string;
  time_sec: number;
  value: number;
}

/**
 * The metric store on a Postgres table (`<schema>.metric_points`): the embedded default (PGlite)
 * and a plain Postgres alike. A batch is written as `unnest` inserts of a few thousand points,
 * two at a time; a statement that meets a stored point (a redelivery) is rerun with
 * `ON CONFLICT DO UPDATE`, so it replaces rather than duplicates. Queries downsample on the
 * server (mean per equal time bucket) so a long run never ships every point.
 *
 * @example
 * ```ts
 * const store = new PostgresMetricStore({ pool, schema: 'telemetry' });
 * await store.write(points);
 * const series = await store.query({ simulationId, metric: 'latencyP99', maxPoints: 500 });
 * ```
 */
export class PostgresMetricStore implements MetricStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly batchPoints: number;
  private readonly parallelStatements: number;
  private readonly deleteBatchRows: number;
  private readonly insert: string;
  private readonly upsert: string;

  constructor(options: PostgresMetricStoreOptions) {
    const schema = quoteMetricSchema(options.schema);
    this.pool = options.pool;
    this.table = `${schema}.metric_points`;
    this.batchPoints = options.batchPoints ?? 5000;
    this.parallelStatements = options.parallelStatements ?? 2;
    this.deleteBatchRows = options.deleteBatchRows ?? DELETE_BATCH_ROWS;
    // Unnamed statements: PGlite is one session shared by every pooled connection, where a named
    // statement one connection prepared collides with another's. Parsing costs little next to
    // inserting thousands of rows.
    this.insert = `INSERT INTO ${this.table} (simulation_id, component_id, component_type, metric, time_sec, value)
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])`;
    this.upsert = `${this.insert} ON CONFLICT (simulation_id, metric, component_id, time_sec)
      DO UPDATE SET component_type = EXCLUDED.component_type, value = EXCLUDED.value`;
  }

  async write(points: MetricPoint[]): Promise<void> {
    const storable = storablePoints(points);
    const windowPoints = this.batchPoints * this.parallelStatements;
    // Windows one after another: a point repeated in a later window must win, as it would in one.
    for (let start = 0; start < storable.length; start += windowPoints) {
      const columns = distinctPointColumns(storable.slice(start, start + windowPoints));
      // Within a window every row is distinct, so its statements touch disjoint rows and can run
      // on parallel connections, one's transfer and parsing overlapping another's insert.
      const statements = Math.min(this.parallelStatements, Math.ceil(columns.length / MIN_STATEMENT_POINTS));
      const size = Math.ceil(columns.length / statements);
      const outcomes = await Promise.allSettled(
        Array.from({ length: statements }, (_, i) => this.insertRows(columnParameters(columns, i * size, (i + 1) * size))),
      );
      // Settled first, so no statement of this write is still running once it has failed.
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure) throw failure.reason;
    }
  }

  async query(query: MetricQuery): Promise<MetricSeries[]> {
    checkMetricQuery(query);
    const { where, params } = this.filter(query);
    let plan: DownsamplingPlan | null = null;
    if (query.maxPoints !== undefined) {
      const { rows } = await this.pool.query<{ first_sec: number | null; last_sec: number | null; largest: number | null }>(
        `SELECT min(first_sec) AS first_sec, max(last_sec) AS last_sec, max(n)::int AS largest
         FROM (SELECT count(*) AS n, min(time_sec) AS first_sec, max(time_sec) AS last_sec
               FROM ${this.table} WHERE ${where} GROUP BY component_id) per_series`,
        params,
      );
      const extent = rows[0];
      if (extent.largest === null) return [];
      plan = planDownsampling({ firstSec: extent.first_sec!, lastSec: extent.last_sec!, largestSeries: extent.largest }, query.maxPoints);
    }
    const { rows } = plan ? await this.bucketed(where, params, plan) : await this.pool.query<PointRow>(
      `SELECT component_id, component_type, time_sec, value FROM ${this.table} WHERE ${where} ORDER BY component_id, time_sec`,
      params,
    );
    return orderSeries(toSeries(rows, query.metric));
  }

  async deleteSimulation(simulationId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE simulation_id = $1`, [simulationId]);
  }

  /** In statements of at most `deleteBatchRows` rows each, so ingestion and queries interleave. */
  async deleteSimulations(simulationIds: readonly string[]): Promise<void> {
    await deleteSimulationRows(this.pool, this.table, simulationIds, this.deleteBatchRows);
  }

  /** The pool is the caller's to end: nothing to release here. */
  async close(): Promise<void> {}

  /** Stores rows as a first delivery would, or, when any is already there, as a redelivery. */
  private async insertRows(parameters: unknown[]): Promise<void> {
    // One client for both tries, kept when the insert fails only as expected: pool.query would
    // discard the connection of every redelivered statement.
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await insertOrUpsert(client, this.insert, this.upsert, parameters);
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      client.release(failure);
    }
  }

  private filter(query: MetricQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [query.simulationId, query.metric];
    const clauses = ['simulation_id = $1', 'metric = $2'];
    const components = queriedComponents(query);
    if (components !== undefined) clauses.push(`component_id = ANY($${params.push([...components])}::text[])`);
    if (query.fromSec !== undefined) clauses.push(`time_sec >= $${params.push(query.fromSec)}::float8`);
    if (query.toSec !== undefined) clauses.push(`time_sec <= $${params.push(query.toSec)}::float8`);
    return { where: clauses.join(' AND '), params };
  }

  private bucketed(where: string, params: unknown[], plan: DownsamplingPlan) {
    const origin = `$${params.length + 1}::float8`;
    const width = `$${params.length + 2}::float8`;
    const last = `$${params.length + 3}::float8`;
    return this.pool.query<PointRow>(
      `SELECT component_id, max(component_type) AS component_type,
              ${origin} + floor((time_sec - ${origin}) / ${width}) * ${width} AS time_sec, avg(value) AS value
       FROM ${this.table} WHERE ${where} AND time_sec >= ${origin} AND time_sec <= ${last}
       GROUP BY component_id, 3 ORDER BY component_id, 3`,
      [...params, plan.originSec, plan.bucketSec, plan.lastSec],
    );
  }
}

async function insertOrUpsert(client: PoolClient, insert: string, upsert: string, parameters: unknown[]): Promise<void> {
  try {
    // A first delivery, the common case, conflicts with nothing, and a plain insert skips the
    // per-row speculative insertion of ON CONFLICT: about half the server's work per point.
    await client.query(insert, parameters);
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    // A redelivery: the failed insert stored nothing; the upsert replaces what is there.
    await client.query(upsert, parameters);
  }
}

/** Rows ordered by component then time, as series (one per component). */
function toSeries(rows: PointRow[], metric: string): MetricSeries[] {
  const series = new Map<string, MetricSeries>();
  for (const row of rows) {
    let current = series.get(row.component_id);
    if (!current) {
      current = { componentId: row.component_id, componentType: row.component_type, metric, points: [] };
      series.set(row.component_id, current);
    }
    current.points.push({ timeSec: row.time_sec, value: row.value });
  }
  return [...series.values()];
}
