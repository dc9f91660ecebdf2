import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresTraceStore } from '../src/adapters/traces/postgres-trace-store';
import { traceTablesMigration } from '../src/adapters/traces/trace-tables.migration';
import { describeTraceStoreContract } from './contracts/trace-store.contract';

/* The Postgres trace store on a real PostgreSQL: its migration, then the trace store contract. */

jest.setTimeout(60_000);

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = 'telemetry';

let databaseName: string;
let databaseUrl: string;
let dataSource: DataSource;
let pool: Pool;

async function asAdmin(sql: string): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  // A fresh database per suite, so parallel suites and other engineers' runs never share tables.
  databaseName = `architech_traces_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  await asAdmin(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName}`;
  databaseUrl = url.toString();
  dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    schema: SCHEMA,
    migrations: [traceTablesMigration(SCHEMA)],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA "${SCHEMA}"`);
  await dataSource.runMigrations();
  pool = new Pool({ connectionString: databaseUrl, max: 4 });
  // A connection terminated while idle (the database dropped at the end) must not crash the run.
  pool.on('error', () => undefined);
});

afterAll(async () => {
  await pool?.end();
  await dataSource?.destroy();
  if (databaseName) await asAdmin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe('the trace tables migration', () => {
  const tables = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [SCHEMA])).map(
      (r: { table_name: string }) => r.table_name,
    );

  it('creates traces, spans and logs in the given schema, with the full-text index on logs', async () => {
    expect(await tables()).toEqual(['logs', 'migrations', 'spans', 'traces']);
    const indexes = await dataSource.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'logs'`, [SCHEMA]);
    expect(indexes.map((i: { indexdef: string }) => i.indexdef)).toContainEqual(expect.stringMatching(/USING gin \(search\)/));
  });

  it('reverts to nothing and applies again; a second run applies nothing', async () => {
    await dataSource.undoLastMigration();
    expect(await tables()).toEqual(['migrations']);
    expect(await dataSource.runMigrations()).toHaveLength(1);
    expect(await dataSource.runMigrations()).toEqual([]);
    expect(await tables()).toEqual(['logs', 'migrations', 'spans', 'traces']);
  });

  it('refuses a schema name it would have to quote', () => {
    expect(() => traceTablesMigration('telemetry"; DROP TABLE x; --')).toThrow(expect.objectContaining({ code: 'invalid_config' }));
    expect(() => new PostgresTraceStore({ pool, schema: 'Telemetry' })).toThrow(/Invalid trace store schema name "Telemetry"/);
  });
});

// Small delete batches, so the contract's deletes take several statements.
describeTraceStoreContract('Postgres', async () => new PostgresTraceStore({ pool, schema: SCHEMA, deleteBatchRows: 3 }));

describe('the Postgres trace store’s log search', () => {
  it('finds a partial word in a log message (the full-text index matches whole words only)', async () => {
    const store = new PostgresTraceStore({ pool, schema: SCHEMA });
    const simulationId = `sim-partial-${process.pid}`;
    await store.writeLogs(simulationId, [
      { id: 'a', timeMs: 1, level: 'warn', event: 'timeout', componentId: 'web', message: 'web: request timed out after 500 ms (100% of budget)' },
    ]);
    expect((await store.queryLogs({ simulationId, q: 'time' })).logs.map((l) => l.id)).toEqual(['a']);
    expect((await store.queryLogs({ simulationId, q: '100%' })).logs.map((l) => l.id)).toEqual(['a']);
    // `%` and `_` in the query are literal characters, not wildcards.
    expect((await store.queryLogs({ simulationId, q: '1%0' })).logs).toEqual([]);
    expect((await store.queryLogs({ simulationId, q: 'ou_' })).logs).toEqual([]);
  });
});
