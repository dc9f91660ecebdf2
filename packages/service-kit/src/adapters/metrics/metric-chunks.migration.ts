import type { MigrationInterface, QueryRunner } from 'typeorm';
import { decodeFloats, decodeTimes } from './metric-chunks';
import { metricPointsTableSql } from './metric-points.migration';
import { quoteMetricSchema } from './metric-schema';

interface ChunkRow {
  metric: string;
  component_id: string;
  component_type: string;
  points: number;
  times: Buffer;
  values: Buffer;
}

/**
 * Replaces `metric_points` (a row per point) with `metric_chunks` (a row per series per write,
 * times and values as big-endian float64 arrays): a 3,600-s run of 50 components writes a few
 * thousand rows instead of millions, and a chart reads one row per write of each series. Points
 * already stored move over, one chunk per series. A factory, like {@link metricPointsMigration}:
 * the schema is the owning service's choice.
 *
 * `written` orders a series' chunks by write, the later one's point winning on read. A chunk
 * rewritten with the same times (a redelivered batch) replaces the stored one: the unique key
 * ends with the times' hash.
 */
export function metricChunksMigration(schema: string): new () => MigrationInterface {
  const s = quoteMetricSchema(schema);
  return class MetricChunks1765200000000 implements MigrationInterface {
    name = 'MetricChunks1765200000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE SEQUENCE ${s}.metric_chunks_written`);
      await q.query(`CREATE TABLE ${s}.metric_chunks (
        simulation_id text NOT NULL,
        metric text NOT NULL,
        component_id text NOT NULL,
        first_sec double precision NOT NULL,
        last_sec double precision NOT NULL,
        points integer NOT NULL,
        component_type text NOT NULL,
        written bigint NOT NULL DEFAULT nextval('${s}.metric_chunks_written'),
        times bytea NOT NULL,
        "values" bytea NOT NULL
      )`);
      await q.query(`CREATE UNIQUE INDEX metric_chunks_identity ON ${s}.metric_chunks (simulation_id, metric, component_id, first_sec, md5(times))`);
      await q.query(`INSERT INTO ${s}.metric_chunks (simulation_id, metric, component_id, first_sec, last_sec, points, component_type, times, "values")
        SELECT simulation_id, metric, component_id, min(time_sec), max(time_sec), count(*)::int, max(component_type),
               string_agg(float8send(time_sec), ''::bytea ORDER BY time_sec), string_agg(float8send(value), ''::bytea ORDER BY time_sec)
        FROM ${s}.metric_points GROUP BY simulation_id, metric, component_id`);
      await q.query(`DROP TABLE ${s}.metric_points`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(metricPointsTableSql(s));
      // Back to a row per point, decoded here (SQL has no bytea-to-float8), a simulation at a time.
      const simulations: { simulation_id: string }[] = await q.query(`SELECT DISTINCT simulation_id FROM ${s}.metric_chunks`);
      for (const { simulation_id } of simulations) {
        const rows: ChunkRow[] = await q.query(`SELECT metric, component_id, component_type, points, times, "values" FROM ${s}.metric_chunks WHERE simulation_id = $1 ORDER BY written`, [simulation_id]);
        const points = new Map<string, [string, string, string, number, number]>();
        for (const row of rows) {
          const [times, values] = [decodeTimes(row.times, row.points), decodeFloats(row.values)];
          times.forEach((t, i) => points.set(`${row.metric}\0${row.component_id}\0${t}`, [row.component_id, row.component_type, row.metric, t, values[i]]));
        }
        const columns = [...points.values()];
        await q.query(`INSERT INTO ${s}.metric_points (simulation_id, component_id, component_type, metric, time_sec, value)
          SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])`, [simulation_id, ...[0, 1, 2, 3, 4].map((k) => columns.map((c) => c[k]))]);
      }
      await q.query(`DROP TABLE ${s}.metric_chunks`);
      await q.query(`DROP SEQUENCE ${s}.metric_chunks_written`);
    }
  };
}
