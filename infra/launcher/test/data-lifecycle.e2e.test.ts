import { Client } from 'pg';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Issue 20, data lifecycle, through the gateway on a real PostgreSQL: telemetry retention expires
 * exactly the runs that finished more than RETENTION_TELEMETRY_DAYS ago (their finish is moved
 * back in the database, the job's clock being the process's), keeps their summaries and says so
 * in the API.
 */

jest.setTimeout(240_000);

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;
let owner: { token: string; id: string };
let designId: string;

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** Launches a short run with a crash (so it has error logs) and traces and waits until its final telemetry is all stored. */
async function completedRun(seed: number): Promise<string> {
  const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 20, seed, faults: [{ type: 'crash', target: 'db', startSec: 5, durationSec: 5 }], tracing: { sampleRate: 0.2, maxTraces: 50, slowest: 5, maxLogs: 200 } }, owner.token);
  expect(launched.status).toBe(202);
  const id: string = launched.body.id;
  await eventually(() => api.get(`/api/simulations/${id}`, owner.token), (r) => r.body.status === 'COMPLETED' && r.body.telemetryComplete === true, 90_000);
  return id;
}

const telemetryOf = async (id: string) => ({
  points: (await api.get(`/api/simulations/${id}/metrics?metric=throughput`, owner.token)).body.series.reduce((n: number, s: { points: unknown[] }) => n + s.points.length, 0),
  traces: (await api.get(`/api/simulations/${id}/traces`, owner.token)).body.total,
  logs: (await api.get(`/api/simulations/${id}/logs`, owner.token)).body.total,
});

beforeAll(async () => {
  db = await createTestDatabase('architech_lifecycle');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', RETENTION_TELEMETRY_DAYS: '30', LIFECYCLE_SWEEP_SEC: '1' });
  api = apiClient(topology.url);
  owner = await api.signUp('lifecycle-owner@example.com');
  const project = (await api.post('/api/projects', { name: 'Lifecycle' }, owner.token)).body;
  const saved = await api.post(`/api/projects/${project.id}/designs`, { name: 'Three tier', ...sampleDesign() }, owner.token);
  expect(saved.status).toBe(201);
  designId = saved.body.id;
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

describe('telemetry retention', () => {
  it('deletes the series, traces and logs of runs finished before now − 30 days, keeps newer runs’, keeps summaries, and says so', async () => {
    const [old, recent] = [await completedRun(1), await completedRun(2)];
    for (const id of [old, recent]) {
      const kept = await telemetryOf(id);
      expect(kept.points).toBeGreaterThan(0);
      expect(kept.traces).toBeGreaterThan(0);
      expect(kept.logs).toBeGreaterThan(0);
      expect((await api.get(`/api/simulations/${id}`, owner.token)).body).toMatchObject({ telemetryExpiredAt: null, telemetryRetentionDays: null });
    }
    // One run finished 31 days ago, the other 29: only the first is due.
    await sql(`UPDATE simulations.simulations SET finished_at = now() - interval '31 days' WHERE id = $1`, [old]);
    await sql(`UPDATE simulations.simulations SET finished_at = now() - interval '29 days' WHERE id = $1`, [recent]);
    const expired = (await eventually(() => api.get(`/api/simulations/${old}`, owner.token), (r) => r.body.telemetryExpiredAt !== null, 60_000)).body;
    expect(expired.telemetryRetentionDays).toBe(30);
    expect(expired.summary).toBeDefined();
    expect(expired.result).toBeDefined();
    expect(await telemetryOf(old)).toEqual({ points: 0, traces: 0, logs: 0 });
    // Several sweeps later the newer run still has everything.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const kept = await telemetryOf(recent);
    expect(kept.points).toBeGreaterThan(0);
    expect(kept.traces).toBeGreaterThan(0);
    expect(kept.logs).toBeGreaterThan(0);
    expect((await api.get(`/api/simulations/${recent}`, owner.token)).body.telemetryExpiredAt).toBeNull();
  });
});
