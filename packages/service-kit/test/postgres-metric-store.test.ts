import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { metricChunksMigration } from '../src/adapters/metrics/metric-chunks.migration';
import { metricPointsMigration } from '../src/adapters/metrics/metric-points.migration';
import { PostgresMetricStore } from '../src/adapters/metrics/postgres-metric-store';
import { describeMetricStoreContract } from './contracts/metric-store.contract';
import { startPgliteServer } from './support/pglite-server';
import { createTestDatabase } from './support/test-database';

jest.setTimeout(60_000);

const SCHEMA = 'telemetry';

/** Creates the schema, as the owning service does, and runs the migration through TypeORM. */
async function migratedDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, schema: SCHEMA, migrations: [metricPointsMigration(SCHEMA), metricChunksMigration(SCHEMA)], migrationsTableName: 'migrations', migrationsTransactionMode: 'each' });
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

describe.each([
  ['PostgreSQL', async () => createTestDatabase('architech_metrics_times')],
  ['PGlite', async () => { const pglite = await startPgliteServer(); return { url: pglite.url, drop: async () => pglite.stop() }; }],
])('PostgresMetricStore on %s, its stored times', (_name, open) => {
  let db: { url: string; drop(): Promise<void> };
  let pool: Pool;
  let store: PostgresMetricStore;

  beforeAll(async () => {
    db = await open();
    const dataSource = await migratedDataSource(db.url);
    await dataSource.runMigrations();
    await dataSource.destroy();
    pool = new Pool({ connectionString: db.url, max: 1 });
    pool.on('error', () => undefined);
    store = new PostgresMetricStore({ pool, schema: SCHEMA });
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const point = (componentId: string, timeSec: number) => ({ simulationId: 'times', componentId, componentType: 'SERVICE', metric: 'utilization', timeSec, value: timeSec / 7 });

  it('keep evenly spaced times in 16 bytes, others point by point, and read both back exactly', async () => {
    await store.write(Array.from({ length: 300 }, (_, t) => point('even', 30 + t)));
    await store.write([0, 1, 5, 6].map((t) => point('uneven', t)));
    const stored = await pool.query(`SELECT component_id, points, octet_length(times) AS bytes FROM "${SCHEMA}".metric_chunks WHERE simulation_id = 'times' ORDER BY component_id`);
    expect(stored.rows).toEqual([
      { component_id: 'even', points: 300, bytes: 16 },
      { component_id: 'uneven', points: 4, bytes: 32 },
    ]);
    const series = await store.query({ simulationId: 'times', metric: 'utilization' });
    expect(series.map((s) => [s.componentId, s.points.map((p) => p.timeSec)])).toEqual([
      ['even', Array.from({ length: 300 }, (_, t) => 30 + t)],
      ['uneven', [0, 1, 5, 6]],
    ]);
    expect(series[0]!.points[299]).toEqual({ timeSec: 329, value: 329 / 7 });
  });

  it('read chunks stored point by point before (as the chunks migration and older writes left them)', async () => {
    await pool.query(`INSERT INTO "${SCHEMA}".metric_chunks (simulation_id, metric, component_id, component_type, first_sec, last_sec, points, times, "values")
      VALUES ('times', 'errors', 'old', 'SERVICE', 0, 2, 3, float8send(0) || float8send(1) || float8send(2), float8send(1) || float8send(2) || float8send(3))`);
    expect((await store.query({ simulationId: 'times', metric: 'errors' }))[0]!.points).toEqual([
      { timeSec: 0, value: 1 },
      { timeSec: 1, value: 2 },
      { timeSec: 2, value: 3 },
    ]);
  });
});

describe('the metric store migrations', () => {
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
  const store = () => {
    const pool = new Pool({ connectionString: db.url, max: 1 });
    return { store: new PostgresMetricStore({ pool, schema: SCHEMA }), end: () => pool.end() };
  };

  it('create metric_points, then replace it with metric_chunks, in the given schema only', async () => {
    expect((await dataSource.runMigrations()).map((m) => m.name)).toEqual(['CreateMetricPoints1763910000000', 'MetricChunks1765200000000']);
    expect(await tables()).toEqual(['metric_chunks', 'migrations']);
  });

  it('keep every stored point across the chunks migration and back, the last written value of each', async () => {
    const { store: s, end } = store();
    try {
      await s.write([1, 2, 3].map((t) => ({ simulationId: 'sim', componentId: 'web', componentType: 'SERVICE', metric: 'throughput', timeSec: t, value: t * 10 })));
      await s.write([{ simulationId: 'sim', componentId: 'web', componentType: 'SERVICE', metric: 'throughput', timeSec: 2, value: 99 }]);
      await dataSource.undoLastMigration();
      expect(await tables()).toEqual(['metric_points', 'migrations']);
      expect(await dataSource.query(`SELECT time_sec, value FROM "${SCHEMA}".metric_points ORDER BY time_sec`)).toEqual([
        { time_sec: 1, value: 10 },
        { time_sec: 2, value: 99 },
        { time_sec: 3, value: 30 },
      ]);
      expect(await dataSource.runMigrations()).toHaveLength(1);
      expect(await tables()).toEqual(['metric_chunks', 'migrations']);
      expect(await s.query({ simulationId: 'sim', metric: 'throughput' })).toEqual([
        { componentId: 'web', componentType: 'SERVICE', metric: 'throughput', points: [{ timeSec: 1, value: 10 }, { timeSec: 2, value: 99 }, { timeSec: 3, value: 30 }] },
      ]);
      expect(await dataSource.query(`SELECT points FROM "${SCHEMA}".metric_chunks`)).toEqual([{ points: 3 }]);
    } finally {
      await end();
    }
  });

  it('apply nothing the second time', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
    expect(await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
  });

  it('refuse a schema name they would have to quote', () => {
    expect(() => metricPointsMigration('telemetry"; DROP TABLE x; --')).toThrow(expect.objectContaining({ code: 'invalid_config' }));
    expect(() => metricChunksMigration('telemetry"; DROP TABLE x; --')).toThrow(expect.objectContaining({ code: 'invalid_config' }));
    expect(() => new PostgresMetricStore({ pool: undefined as unknown as Pool, schema: 'Telemetry' })).toThrow(/lower-case Postgres identifier/);
  });
});
