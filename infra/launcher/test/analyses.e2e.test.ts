import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Design reviews and refine runs end to end through the gateway on a real PostgreSQL: a review
 * with what-if simulations streamed over SSE and stored; a refine run of an under-provisioned
 * design to an accepted proposal with its timeline; bad requests and who may start and read them.
 */

jest.setTimeout(180_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'three-tier.json'), 'utf8'));

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;
let owner: { token: string };
let viewer: { token: string };
let stranger: { token: string };
let designId: string;
let cutId: string;

beforeAll(async () => {
  db = await createTestDatabase('architech_analyses');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
  owner = await api.signUp('review-owner@example.com');
  viewer = await api.signUp('review-viewer@example.com');
  stranger = await api.signUp('review-stranger@example.com');
  const project = (await api.post('/api/projects', { name: 'Reviews' }, owner.token)).body;
  await api.post(`/api/projects/${project.id}/members`, { email: 'review-viewer@example.com', role: 'viewer' }, owner.token);
  designId = (await api.post(`/api/projects/${project.id}/designs`, { name: 'Three tier', components: threeTier.components, connections: threeTier.connections }, owner.token)).body.id;
  // The app tier cut to 1 replica × 4 workers: 400 req/s × 10 ms = 4 busy workers, ρ = 1.
  const cut = threeTier.components.map((c: any) => (c.id === 'app' ? { ...c, properties: { ...c.properties, replicas: 1 } } : c));
  cutId = (await api.post(`/api/projects/${project.id}/designs`, { name: 'Cut', components: cut, connections: threeTier.connections }, owner.token)).body.id;
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

/** Reads an analysis's SSE stream to its end: the events by name, in order. */
async function follow(path: string, token: string): Promise<{ event: string; data: any }[]> {
  const response = await fetch(`${topology.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((b) => b.startsWith('event: '))
    .map((b) => ({ event: b.split('\n')[0].slice(7), data: JSON.parse(b.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) }));
}

describe('reviews', () => {
  it('runs a simulated review asynchronously, streams progress, and stores the findings with their evidence', async () => {
    const started = await api.post(`/api/designs/${designId}/reviews`, { simulate: true, seed: 3 }, owner.token);
    expect(started.status).toBe(202);
    const events = await follow(`/api/reviews/${started.body.id}/events`, owner.token);
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as { progress: number; stage: string | null });
    // The stream reads the stored analysis every 300 ms, so a stage shorter than that may be
    // skipped; what it shows is the review's own scenarios, in a progress that never goes back.
    const stages = progress.map((p) => p.stage).filter((s) => s !== null);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^(baseline|crash \S+ for 30 s|2× load|done)$/);
    expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
    const done = events[events.length - 1];
    expect(done.event).toBe('done');
    expect(done.data.status).toBe('COMPLETED');

    const stored = await api.get(`/api/reviews/${started.body.id}`, viewer.token);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ kind: 'review', designId, status: 'COMPLETED', request: { simulate: true, seed: 3 } });
    const spof = stored.body.result.findings.find((f: any) => f.rule === 'single-point-of-failure');
    expect(spof).toMatchObject({ outcome: 'fail', components: ['db'], remediation: expect.any(String) });
    expect(spof.evidence.find((e: any) => e.kind === 'simulation')).toMatchObject({ scenario: 'crash db for 30 s', run: { seed: 3 } });
    expect((await api.get(`/api/designs/${designId}/reviews`, owner.token)).body.reviews[0].id).toBe(started.body.id);
  });

  it('names the bad field with 400, hides other projects (404) and refuses viewers (403)', async () => {
    const bad = await api.post(`/api/designs/${designId}/reviews`, { simulate: 'yes' }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'simulate' })] });
    expect((await api.post(`/api/designs/${designId}/reviews`, {}, viewer.token)).status).toBe(403);
    expect((await api.post(`/api/designs/${designId}/reviews`, {}, stranger.token)).status).toBe(404);
    const review = (await api.post(`/api/designs/${designId}/reviews`, {}, owner.token)).body;
    expect((await api.get(`/api/reviews/${review.id}`, stranger.token)).status).toBe(404);
    expect((await api.get(`/api/refinements/${review.id}`, owner.token)).status).toBe(404);
  });
});

describe('refinements', () => {
  const goal = { hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: 200 }, { metric: 'errorRate', op: '<', value: 0.01 }], run: { durationSec: 30, warmupSec: 5, replications: 1, seed: 2 } };

  it('refines an under-provisioned design to an accepted proposal, with its timeline live and stored', async () => {
    const started = await api.post(`/api/designs/${cutId}/refinements`, goal, owner.token);
    expect(started.status).toBe(202);
    const events = await follow(`/api/refinements/${started.body.id}/events`, owner.token);
    const states = events.filter((e) => e.event === 'entry' && e.data.kind === 'transition').map((e) => e.data.state);
    expect(states[0]).toBe('generating');
    expect(states[states.length - 1]).toBe('accepted');
    const done = events[events.length - 1].data;
    expect(done.result).toMatchObject({ state: 'accepted', capacity: { before: 24, analyticMinimum: expect.any(Number) } });
    const app = done.result.design.components.find((c: any) => c.id === 'app');
    expect(app.properties.replicas).toBeGreaterThanOrEqual(2);
    expect(app.position).toEqual(threeTier.components.find((c: any) => c.id === 'app').position);
    expect(done.timeline.length).toBe(events.filter((e) => e.event === 'entry').length);
    const stored = await api.get(`/api/refinements/${started.body.id}`, owner.token);
    expect(stored.body.result.validation.criteria.every((c: any) => c.passed)).toBe(true);
  });

  it('passes the cost objective through to the refine loop', async () => {
    const started = await api.post(`/api/designs/${cutId}/refinements`, { ...goal, objective: 'cost' }, owner.token);
    expect(started.status).toBe(202);
    const events = await follow(`/api/refinements/${started.body.id}/events`, owner.token);
    const done = events[events.length - 1].data;
    expect(done.result.goal).toMatch(/, at the least cost$/);
  });

  it('rejects a goal without conditions with 400 naming the field', async () => {
    const bad = await api.post(`/api/designs/${cutId}/refinements`, { hypothesis: [] }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('hypothesis');
  });
});

describe('on embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'architech-analyses-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, stores and serves a review', async () => {
    const embedded = await startLauncher({ DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0' });
    try {
      const client = apiClient(embedded.url);
      const user = await client.signUp('pglite-review@example.com');
      const project = (await client.post('/api/projects', { name: 'P' }, user.token)).body;
      const id = (await client.post(`/api/projects/${project.id}/designs`, { name: 'T', components: threeTier.components, connections: threeTier.connections }, user.token)).body.id;
      const review = (await client.post(`/api/designs/${id}/reviews`, {}, user.token)).body;
      let stored: any;
      for (let i = 0; i < 100 && stored?.status !== 'COMPLETED'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        stored = (await client.get(`/api/reviews/${review.id}`, user.token)).body;
      }
      expect(stored).toMatchObject({ status: 'COMPLETED', result: { outcome: 'fail', simulated: false } });
    } finally {
      await embedded.stop();
    }
  });
});
