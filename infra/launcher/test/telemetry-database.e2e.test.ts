import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiClient, eventually, sampleDesign } from './support/api-client';
import { startLauncher } from './support/processes';

/*
 * Issue 13 item 15: on embedded PGlite, telemetry has a PGlite instance of its own (own thread,
 * own files), so a run's ingestion never holds the session the interactive services share.
 */

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');
const SIM = '00000000-0000-4000-8000-0000000000aa';

/** Stores a run's points the way an earlier version did: the telemetry schema inside the shared instance, a row per point. */
function seedOldLayout(dataDir: string): void {
  const script = `
    const kit = require(${JSON.stringify(join(ROOT, 'packages/service-kit/dist/index.js'))});
    const { TELEMETRY_MIGRATIONS } = require(${JSON.stringify(join(ROOT, 'services/telemetry/dist/index.js'))});
    (async () => {
      const db = await kit.startEmbeddedPostgres(${JSON.stringify(dataDir)});
      const ds = await kit.openServiceDatabase({ databaseUrl: db.url, dataDir: '', schema: 'telemetry', entities: [], migrations: TELEMETRY_MIGRATIONS.filter((m) => m.name !== 'MetricChunks1765200000000') });
      await ds.query("INSERT INTO telemetry.metric_points (simulation_id, component_id, component_type, metric, time_sec, value) SELECT $1, 'api', 'SERVICE', 'throughput', s, s * 2 FROM generate_series(0, 11999) AS s", [${JSON.stringify(SIM)}]);
      await ds.destroy();
      await db.stop();
    })().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
  execFileSync(process.execPath, ['-e', script], { stdio: 'inherit' });
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The nice value of each thread of a process (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceValues(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const schemaExists = async (url: string, schema: string) => (await query(url, 'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).length === 1;

async function start(env: NodeJS.ProcessEnv) {
  const launched = await startLauncher({ ...env, ARCHITECH_VERBOSE: '1' });
  const [, main, telemetry] = await eventually(async () => /databases: main (\S+) telemetry (\S+)/.exec(launched.output()), (m) => m !== null, 10_000) as RegExpExecArray;
  return { ...launched, databases: { main, telemetry } };
}

describe('telemetry on its own embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'architech-telemetry-db-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0' };
  let topology: Awaited<ReturnType<typeof start>> | undefined;
  afterAll(async () => {
    await topology?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves the telemetry an earlier version kept in the shared instance, and migrates both databases', async () => {
    seedOldLayout(dataDir);
    topology = await start(env);
    const { main, telemetry } = topology.databases;
    expect(telemetry).not.toBe(main);
    expect(existsSync(join(dataDir, 'pglite-telemetry'))).toBe(true);
    // A chunk per series per copied page of 5,000 rows, every point in them.
    const chunks = await query<{ points: number; values: Buffer }>(telemetry, 'SELECT points, "values" FROM telemetry.metric_chunks WHERE simulation_id = $1 ORDER BY first_sec', [SIM]);
    expect(chunks.map((c) => c.points)).toEqual([5000, 5000, 2000]);
    const total = chunks.reduce((sum, c) => sum + Array.from({ length: c.points }, (_, i) => c.values.readDoubleBE(i * 8)).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(11_999 * 12_000);
    expect(await schemaExists(main, 'telemetry')).toBe(false);
    // Each database ran its own migrations: telemetry's there, the other services' in the shared one.
    expect((await query(telemetry, 'SELECT name FROM telemetry.migrations')).length).toBe(4);
    expect(await schemaExists(telemetry, 'users')).toBe(false);
    expect((await query(main, 'SELECT name FROM users.migrations')).length).toBeGreaterThan(0);
  });

  (process.platform === 'linux' ? it : it.skip)('runs the engine thread (SIM_ENGINE_NICE, default 10) and the ingestion thread (TELEMETRY_INGESTION_NICE, default 5) below the API threads', async () => {
    // Each lowers its own priority as it starts (on a busy machine, a while after the launcher is ready).
    const nice = await eventually(async () => threadNiceValues(topology!.pid), (values) => values.includes(10) && values.includes(5), 60_000);
    // The engine thread (SIM_WORKERS=1) at 10, telemetry's ingestion thread at 5, the main thread and the databases' threads at 0.
    expect(nice.filter((n) => n === 10)).toHaveLength(1);
    expect(nice.filter((n) => n === 5)).toHaveLength(1);
    expect(nice.filter((n) => n === 0).length).toBeGreaterThan(3);
  });

  it("stores a run's telemetry there and still has it after a restart", async () => {
    let api = apiClient(topology!.url);
    const user = await api.signUp('telemetry-db@example.com');
    const project = (await api.post('/api/projects', { name: 'Telemetry DB' }, user.token)).body;
    const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'T', ...sampleDesign() }, user.token)).body;
    const run = (await api.post(`/api/designs/${design.id}/simulations`, { durationSec: 30, seed: 3 }, user.token)).body;
    const done = await eventually(() => api.get(`/api/simulations/${run.id}`, user.token), (r) => r.body.telemetryComplete === true, 120_000);
    const before = (await api.get(`/api/simulations/${run.id}/metrics?metric=completions&component=_end_to_end`, user.token)).body.series[0].points;
    expect(before).toHaveLength(30);
    expect(before.reduce((sum: number, p: { value: number }) => sum + p.value, 0)).toBe(done.body.summary.endToEnd.completions);
    const [stored] = await query<{ n: number }>(topology!.databases.telemetry, 'SELECT count(*)::int AS n FROM telemetry.metric_chunks WHERE simulation_id = $1', [run.id]);
    expect(stored.n).toBeGreaterThan(0);

    await topology!.stop();
    topology = await start(env);
    api = apiClient(topology.url);
    const login = await api.post('/api/auth/login', { email: 'telemetry-db@example.com', password: 'correct horse battery' });
    const after = await api.get(`/api/simulations/${run.id}/metrics?metric=completions&component=_end_to_end`, login.body.accessToken);
    expect(after.body.series[0].points).toEqual(before);
    const [kept] = await query<{ n: number }>(topology.databases.telemetry, 'SELECT sum(points)::int AS n FROM telemetry.metric_chunks WHERE simulation_id = $1', [SIM]);
    expect(kept.n).toBe(12_000);
  });

  it('answers an interactive read while a large ingestion transaction is still open', async () => {
    topology ??= await start(env);
    const api = apiClient(topology.url);
    const user = await api.signUp('interactive@example.com');
    await api.post('/api/projects', { name: 'Busy' }, user.token);
    // A large batch as ingestion writes it (a bulk client), its transaction held open until the read is answered.
    const ingestion = new Client({ connectionString: topology.databases.telemetry, application_name: 'architech-telemetry' });
    await ingestion.connect();
    const order: string[] = [];
    try {
      await ingestion.query('BEGIN');
      await ingestion.query(
        // 50 series of 4,000 points: 200,000 points, as ingestion stores them (a chunk per series).
        `INSERT INTO telemetry.metric_chunks (simulation_id, metric, component_id, first_sec, last_sec, points, component_type, times, "values")
         SELECT $1, 'latency_p99', 'c' || c, 0, 3999, 4000, 'SERVICE', b, b FROM generate_series(1, 50) AS c,
         LATERAL (SELECT string_agg(float8send(t::float8 + c * 0), ''::bytea) AS b FROM generate_series(0, 3999) AS t) AS bytes`,
        ['00000000-0000-4000-8000-0000000000bb'],
      );
      const read = api.get('/api/projects', user.token).then((r) => {
        order.push('read');
        return r;
      });
      // The batch ends when the read is answered, or after 60 s if the read is stuck behind it.
      await Promise.race([read, new Promise((r) => setTimeout(r, 60_000))]);
      await ingestion.query('COMMIT');
      order.push('ingestion');
      const answered = await read;
      expect(answered.status).toBe(200);
      expect(answered.body.projects.map((p: { name: string }) => p.name)).toEqual(['Busy']);
      expect(order).toEqual(['read', 'ingestion']);
    } finally {
      await ingestion.end();
    }
  });
});
