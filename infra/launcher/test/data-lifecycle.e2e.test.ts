import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Issue 20, data lifecycle, through the gateway, on a real PostgreSQL and on embedded PGlite (where
 * telemetry has an instance of its own): telemetry retention expires exactly the runs that
 * finished more than RETENTION_TELEMETRY_DAYS ago (their finish is moved back in the database, the
 * job's clock being the process's), keeps their summaries and says so in the API. Projects: soft
 * delete (404 everywhere), the trash, restore, and the purge after the grace period.
 */

jest.setTimeout(240_000);

const LIFECYCLE_ENV = { RATE_LIMIT_PER_MIN: '0', RETENTION_TELEMETRY_DAYS: '30', LIFECYCLE_SWEEP_SEC: '1' };

/** A running product and the database the simulations and projects services keep their tables in. */
interface Product {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

async function onPostgres(): Promise<Product> {
  const db = await createTestDatabase('architech_lifecycle');
  const launched = await startLauncher({ ...LIFECYCLE_ENV, DATABASE_URL: db.url });
  return { url: launched.url, databaseUrl: db.url, stop: async () => (await launched.stop(), await db.drop()) };
}

async function onPglite(): Promise<Product> {
  const dataDir = mkdtempSync(join(tmpdir(), 'architech-lifecycle-'));
  const launched = await startLauncher({ ...LIFECYCLE_ENV, DATA_DIR: dataDir, DATABASE_URL: '', ARCHITECH_VERBOSE: '1' });
  const [, main] = (await eventually(async () => /databases: main (\S+) telemetry (\S+)/.exec(launched.output()), (m) => m !== null, 10_000)) as RegExpExecArray;
  return { url: launched.url, databaseUrl: main, stop: async () => (await launched.stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

describe.each([
  ['on PostgreSQL', onPostgres],
  ['on embedded PGlite', onPglite],
])('data lifecycle %s', (_name, start) => {
  let product: Product;
  let api: ApiClient;
  let owner: { token: string; id: string };
  let designId: string;

  async function sql(text: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(text, params);
    } finally {
      await client.end();
    }
  }

  /** Launches a short run with a crash (so it has error logs) and traces and waits until its final telemetry is all stored. */
  async function completedRun(seed: number, design = designId): Promise<string> {
    const launched = await api.post(`/api/designs/${design}/simulations`, { durationSec: 20, seed, faults: [{ type: 'crash', target: 'db', startSec: 5, durationSec: 5 }], tracing: { sampleRate: 0.2, maxTraces: 50, slowest: 5, maxLogs: 200 } }, owner.token);
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
    product = await start();
    api = apiClient(product.url);
    owner = await api.signUp('lifecycle-owner@example.com');
    const project = (await api.post('/api/projects', { name: 'Lifecycle' }, owner.token)).body;
    const saved = await api.post(`/api/projects/${project.id}/designs`, { name: 'Three tier', ...sampleDesign() }, owner.token);
    expect(saved.status).toBe(201);
    designId = saved.body.id;
  });

  afterAll(async () => {
    await product?.stop();
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

  describe('projects in the trash', () => {
    it('a deleted project leaves the list and answers 404 with its designs and runs; an owner restores it as it was', async () => {
      const editor = await api.signUp('lifecycle-editor@example.com');
      const project = (await api.post('/api/projects', { name: 'Trash me' }, owner.token)).body;
      await api.post(`/api/projects/${project.id}/members`, { email: editor.email, role: 'editor' }, owner.token);
      const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'D', ...sampleDesign() }, owner.token)).body;
      const run = await completedRun(3, design.id);

      expect((await api.delete(`/api/projects/${project.id}`, editor.token)).status).toBe(403);
      expect((await api.delete(`/api/projects/${project.id}`, owner.token)).status).toBe(204);
      expect((await api.get('/api/projects', owner.token)).body.projects.map((p: { id: string }) => p.id)).not.toContain(project.id);
      expect((await api.get(`/api/projects/${project.id}`, owner.token)).status).toBe(404);
      // Designs may reuse a confirmed membership for MEMBERSHIP_CACHE_MS (2 s) on reads.
      await eventually(() => api.get(`/api/designs/${design.id}`, owner.token), (r) => r.status === 404, 10_000);
      expect((await api.get(`/api/simulations/${run}`, owner.token)).status).toBe(404);
      expect((await api.get(`/api/simulations/${run}/metrics?metric=throughput`, owner.token)).status).toBe(404);

      const trash = (await api.get('/api/projects?deleted=true', owner.token)).body.projects;
      expect(trash).toHaveLength(1);
      expect(trash[0]).toMatchObject({ id: project.id, name: 'Trash me', role: 'owner' });
      expect(Date.parse(trash[0].purgeAt) - Date.parse(trash[0].deletedAt)).toBe(30 * 86_400_000);
      expect((await api.get('/api/projects?deleted=maybe', owner.token)).status).toBe(400);
      expect((await api.post(`/api/projects/${project.id}/restore`, {}, editor.token)).status).toBe(403);
      const stranger = await api.signUp('lifecycle-stranger@example.com');
      expect((await api.post(`/api/projects/${project.id}/restore`, {}, stranger.token)).status).toBe(404);

      const restored = await api.post(`/api/projects/${project.id}/restore`, {}, owner.token);
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ id: project.id, name: 'Trash me', role: 'owner' });
      expect(restored.body.deletedAt).toBeUndefined();
      expect((await api.get('/api/projects?deleted=true', owner.token)).body.projects).toEqual([]);
      expect((await api.get(`/api/designs/${design.id}`, editor.token)).status).toBe(200);
      expect((await api.get(`/api/simulations/${run}`, owner.token)).body.summary).toBeDefined();
      expect((await api.post(`/api/projects/${project.id}/restore`, {}, owner.token)).status).toBe(404);
      const actions = JSON.stringify((await api.get(`/api/projects/${project.id}/audit`, owner.token)).body);
      expect(actions).toContain('project.deleted');
      expect(actions).toContain('project.restored');
    });

    it('purges a project that has been in the trash for more than 30 days, and no other', async () => {
      const [old, recent] = [(await api.post('/api/projects', { name: 'Old trash' }, owner.token)).body, (await api.post('/api/projects', { name: 'New trash' }, owner.token)).body];
      for (const p of [old, recent]) expect((await api.delete(`/api/projects/${p.id}`, owner.token)).status).toBe(204);
      await sql(`UPDATE projects.projects SET deleted_at = now() - interval '31 days' WHERE id = $1`, [old.id]);
      await sql(`UPDATE projects.projects SET deleted_at = now() - interval '29 days' WHERE id = $1`, [recent.id]);
      const trash = await eventually(() => api.get('/api/projects?deleted=true', owner.token), (r) => !r.body.projects.some((p: { id: string }) => p.id === old.id), 30_000);
      expect(trash.body.projects.map((p: { id: string }) => p.id)).toEqual([recent.id]);
      expect((await api.post(`/api/projects/${old.id}/restore`, {}, owner.token)).status).toBe(404);
      expect((await api.post(`/api/projects/${recent.id}/restore`, {}, owner.token)).status).toBe(200);
    });
  });
});
