import { metricChunksMigration, metricPointsMigration, openServiceDatabase, traceTablesMigration } from '@architech/service-kit';
import { DataSource } from 'typeorm';
import { CreateLandedBatches1765000000000 } from './migrations/landed-batches.migration';

/** The telemetry service's migrations, in order. */
export const TELEMETRY_MIGRATIONS = [metricPointsMigration('telemetry'), traceTablesMigration('telemetry'), CreateLandedBatches1765000000000, metricChunksMigration('telemetry')];

/**
 * The tables a move copies, each with a unique key (a repeated move inserts nothing twice), and
 * the statement inserting a page of source rows (`$1`, a JSON array) into the target.
 * `metric_points`, of the versions that kept telemetry in the shared database, becomes a chunk
 * per series per page (pages in key order, so a repeated move makes the same chunks).
 */
const TABLES: [table: string, order: string, insert: string][] = [
  ['metric_points', 'ORDER BY simulation_id, metric, component_id, time_sec', `INSERT INTO telemetry.metric_chunks (simulation_id, metric, component_id, first_sec, last_sec, points, component_type, times, "values")
     SELECT simulation_id, metric, component_id, min(time_sec), max(time_sec), count(*)::int, max(component_type),
            string_agg(float8send(time_sec), ''::bytea ORDER BY time_sec), string_agg(float8send(value), ''::bytea ORDER BY time_sec)
     FROM json_to_recordset($1::json) AS p(simulation_id text, component_id text, component_type text, metric text, time_sec float8, value float8)
     GROUP BY simulation_id, metric, component_id ON CONFLICT DO NOTHING`],
  ...['traces', 'spans', 'logs', 'landed_batches'].map((table): [string, string, string] => [table, '', `INSERT INTO telemetry.${table} SELECT * FROM json_populate_recordset(null::telemetry.${table}, $1::json) ON CONFLICT DO NOTHING`]),
];
/** Rows per copied page: one bounded transaction at a time on the target. */
const PAGE_ROWS = 5000;

/**
 * Moves the `telemetry` schema's rows from `fromUrl` to `toUrl` (migrated first), then drops the
 * schema at `fromUrl`. Used by the embedded start when telemetry gets a database of its own: the
 * telemetry of runs stored before, in the shared database, stays visible. Does nothing when
 * `fromUrl` has no telemetry schema; safe to repeat after an interruption (rows already moved are
 * skipped, the source is dropped only once everything is copied). Resolves with the rows moved.
 */
export async function moveTelemetry(fromUrl: string, toUrl: string): Promise<number> {
  const source = new DataSource({ type: 'postgres', url: fromUrl, poolSize: 1, applicationName: 'architech-telemetry-move' });
  await source.initialize();
  try {
    const [{ present }] = await source.query(`SELECT count(*)::int AS present FROM information_schema.tables WHERE table_schema = 'telemetry' AND table_name = 'metric_points'`);
    if (Number(present) === 0) return 0;
    const target = await openServiceDatabase({ databaseUrl: toUrl, dataDir: '', schema: 'telemetry', entities: [], migrations: TELEMETRY_MIGRATIONS });
    let moved = 0;
    try {
      for (const [table, order, insert] of TABLES) moved += await copyTable(source, target, table, order, insert);
    } finally {
      await target.destroy();
    }
    await source.query('DROP SCHEMA telemetry CASCADE');
    return moved;
  } finally {
    await source.destroy();
  }
}

async function copyTable(source: DataSource, target: DataSource, table: string, order: string, insert: string): Promise<number> {
  const [{ present }] = await source.query(`SELECT count(*)::int AS present FROM information_schema.tables WHERE table_schema = 'telemetry' AND table_name = $1`, [table]);
  if (Number(present) === 0) return 0;
  const runner = source.createQueryRunner();
  let moved = 0;
  try {
    await runner.startTransaction();
    await runner.query(`DECLARE telemetry_move NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM telemetry.${table} t ${order}`);
    for (;;) {
      const rows: { row: string }[] = await runner.query(`FETCH ${PAGE_ROWS} FROM telemetry_move`);
      if (rows.length === 0) break;
      await target.query(insert, [`[${rows.map((r) => r.row).join(',')}]`]);
      moved += rows.length;
    }
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
  return moved;
}
