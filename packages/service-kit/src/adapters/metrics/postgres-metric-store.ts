import type { Pool } from 'pg';
import type { MetricPoint, MetricQuery, MetricSeries, MetricStore } from '../../ports/metric-store.port';
import { chunksOf, decodeFloats, decodeTimes, encodeFloats, encodeTimes, extentOf, mergeChunks, toMetricSeries, type MetricChunk, type StoredChunk } from './metric-chunks';
import { storablePoints } from './metric-point-rules';
import { checkMetricQuery, orderSeries, planDownsampling, queriedComponents } from './metric-query-rules';
import { quoteMetricSchema } from './metric-schema';
import { deleteSimulationRows } from '../sql-batched-delete';

export interface PostgresMetricStoreOptions {
  /** A pool the caller owns (usually the service's own): {@link PostgresMetricStore.close} leaves it open. */
  pool: Pool;
  /** The schema {@link metricChunksMigration} created `metric_chunks` in. */
  schema: string;
  /** Most chunks per insert statement; default 200 (at most ~30 MB of parameters). */
  batchChunks?: number;
  /** Most chunks (rows) one statement of {@link PostgresMetricStore.deleteSimulations} deletes; default 500. */
  deleteBatchRows?: number;
}

interface ChunkRow {
  component_id: string;
  component_type: string;
  points: number;
  times: Buffer;
  values: Buffer;
}

/**
 * The metric store on a Postgres table (`<schema>.metric_chunks`): the embedded default (PGlite)
 * and a plain Postgres alike. A write stores each series it carries as one row (a chunk: times
 * and values as float64 arrays, evenly spaced times as just their first and step), so a run's telemetry costs the database a row per series per
 * write rather than a row per point; a read fetches a series' chunks, merges them (a later
 * write's point replacing an earlier one's, as the port requires) and downsamples in the
 * process, never shipping more than the chart asked for to the API. A redelivered chunk (same
 * series, same times) replaces the stored one, so writes stay idempotent.
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
  private readonly batchChunks: number;
  private readonly deleteBatchRows: number;
  private readonly upsert: string;

  constructor(options: PostgresMetricStoreOptions) {
    const schema = quoteMetricSchema(options.schema);
    this.pool = options.pool;
    this.table = `${schema}.metric_chunks`;
    this.batchChunks = options.batchChunks ?? 200;
    this.deleteBatchRows = options.deleteBatchRows ?? 500;
    // Unnamed statements: PGlite is one session shared by every pooled connection, where a named
    // statement one connection prepared collides with another's.
    this.upsert = `INSERT INTO ${this.table} (simulation_id, metric, component_id, component_type, first_sec, last_sec, points, times, "values")
      SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[], $8::bytea[], $9::bytea[])
      ON CONFLICT (simulation_id, metric, component_id, first_sec, md5(times))
      DO UPDATE SET component_type = EXCLUDED.component_type, "values" = EXCLUDED."values", written = nextval('${schema}.metric_chunks_written')`;
  }

  async write(points: MetricPoint[]): Promise<void> {
    const chunks = chunksOf(storablePoints(points));
    for (let start = 0; start < chunks.length; start += this.batchChunks) {
      await this.pool.query(this.upsert, chunkParameters(chunks.slice(start, start + this.batchChunks)));
    }
  }

  async query(query: MetricQuery): Promise<MetricSeries[]> {
    checkMetricQuery(query);
    const params: unknown[] = [query.simulationId, query.metric];
    const clauses = ['simulation_id = $1', 'metric = $2'];
    const components = queriedComponents(query);
    if (components !== undefined) clauses.push(`component_id = ANY($${params.push([...components])}::text[])`);
    if (query.fromSec !== undefined) clauses.push(`last_sec >= $${params.push(query.fromSec)}::float8`);
    if (query.toSec !== undefined) clauses.push(`first_sec <= $${params.push(query.toSec)}::float8`);
    const { rows } = await this.pool.query<ChunkRow>(
      `SELECT component_id, component_type, points, times, "values" FROM ${this.table} WHERE ${clauses.join(' AND ')} ORDER BY component_id, written`,
      params,
    );
    const stored: StoredChunk[] = rows.map((r) => ({ componentId: r.component_id, componentType: r.component_type, times: decodeTimes(r.times, r.points), values: decodeFloats(r.values) }));
    const series = mergeChunks(stored, query.fromSec, query.toSec);
    const extent = extentOf(series);
    const plan = extent && planDownsampling(extent, query.maxPoints);
    return orderSeries(series.map((s) => toMetricSeries(s, query.metric, plan)));
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
}

/** Chunks as the upsert's parameters, one array per column. */
function chunkParameters(chunks: readonly MetricChunk[]): unknown[] {
  return [
    chunks.map((c) => c.simulationId),
    chunks.map((c) => c.metric),
    chunks.map((c) => c.componentId),
    chunks.map((c) => c.componentType),
    chunks.map((c) => c.times[0]),
    chunks.map((c) => c.times[c.times.length - 1]),
    chunks.map((c) => c.times.length),
    chunks.map((c) => encodeTimes(c.times)),
    chunks.map((c) => encodeFloats(c.values)),
  ];
}
