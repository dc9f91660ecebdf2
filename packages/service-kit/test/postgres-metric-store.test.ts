import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { metricPointsMigration } from '../src/adapters/metrics/metric-points.migration';
import { PostgresMetricStore } from '../src/adapters/metrics/postgres-metric-store';
import { describeMetricStoreContract } from './contracts/metric-store.contract';
import { startPgliteServer } from './support/pglite-server';
import { createTestDatabase } from './support/test-database';

jest.setTimeout(60_000);

const SCHEMA = 'telemetry';

/** Creates the schema, as the owning service does, and runs the migration through TypeORM. */
async function migratedDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, schema: SCHEMA, migrations: [metricPointsMigration(SCHEMA)], migrationsTableName: 'migrations', migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
  return dataSource;
}

/** The store on a migrated database, with a pool of two so writes run statements in parallel. */
async function storeOn(url: string, dispose: () => Promise<void> | void) {
  const dataSource = await migratedDataSource(url);
  await dataSource.runMigrations();
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url, max: 2 });
  // A connection terminated while idle (the database dropped at the end) must not crash the run.
  pool.on('error', () => undefined);
  return {
    // Small delete batches, so the contract's deletes take several statements.
    store: new PostgresMetricStore({ pool, schema: SCHEMA, deleteBatchRows: 16 }),
    dispose: async () => {
      await pool.end();
      await dispose();
    },
  };
}

describeMetricStoreContract('PostgresMetricStore', async () => {
  const db = await createTestDatabase('architech_metrics');
  return storeOn(db.url, () => db.drop());
});

// The embedded default: PGlite is one session that every pooled connection takes turns on.
describeMetricStoreContract('PostgresMetricStore on PGlite', async () => {
  const pglite = await startPgliteServer();
  return storeOn(pglite.url, () => pglite.stop());
});

describe('the metric points migration', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('architech_metrics_mig');
    dataSource = await migratedDataSource(db.url);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const tables = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [SCHEMA])).map((r: { table_name: string }) => r.table_name);

  it('creates metric_points keyed by a point’s identity, in the given schema only', async () => {
    expect(await dataSource.runMigrations()).toHaveLength(1);
    expect(await tables()).toEqual(['metric_points', 'migrations']);
    const [key] = await dataSource.query(
      `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE i.indrelid = '"${SCHEMA}".metric_points'::regclass AND i.indisprimary`,
    );
    expect(key.columns).toEqual(['simulation_id', 'metric', 'component_id', 'time_sec']);
    expect(await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
  });

  it('applies nothing the second time, reverts, and applies again', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
    await dataSource.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
    expect(await dataSource.runMigrations()).toHaveLength(1);
    expect(await tables()).toEqual(['metric_points', 'migrations']);
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() => metricPointsMigration('telemetry"; DROP TABLE x; --')).toThrow(expect.objectContaining({ code: 'invalid_config' }));
    expect(() => new PostgresMetricStore({ pool: undefined as unknown as Pool, schema: 'Telemetry' })).toThrow(/lower-case Postgres identifier/);
  });
});
