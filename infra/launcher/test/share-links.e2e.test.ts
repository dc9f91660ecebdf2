import { Client } from 'pg';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Issue 20, share links, through the gateway on PostgreSQL: a link opens one run's summary, design,
 * series, traces and logs without an account; each opening is counted and audited; a revoked or
 * expired link answers 404; a link never reaches another run nor any write route.
 */

jest.setTimeout(240_000);

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

describe('share links', () => {
  let product: { url: string; databaseUrl: string; stop(): Promise<void> };
  let api: ApiClient;
  let owner: { token: string; id: string; email: string };
  let editor: { token: string; id: string; email: string };
  let viewer: { token: string; id: string; email: string };
  let outsider: { token: string; id: string; email: string };
  let projectId: string;
  let designId: string;
  let runA: string;
  let runB: string;

  async function sql(text: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: product.databaseUrl });
    await client.connect();
    try {
      await client.query(text, params);
    } finally {
      await client.end();
    }
  }

  async function completedRun(seed: number): Promise<string> {
    const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 20, seed, faults: [{ type: 'crash', target: 'db', startSec: 5, durationSec: 5 }], tracing: { sampleRate: 0.2, maxTraces: 50, slowest: 5, maxLogs: 200 } }, owner.token);
    expect(launched.status).toBe(202);
    const id: string = launched.body.id;
    await eventually(() => api.get(`/api/simulations/${id}`, owner.token), (r) => r.body.status === 'COMPLETED' && r.body.telemetryComplete === true, 90_000);
    return id;
  }

  const share = (run: string, body: unknown, token = editor.token) => api.post(`/api/simulations/${run}/share-links`, body, token);
  const linksOf = async (run: string) => (await api.get(`/api/simulations/${run}/share-links`, editor.token)).body.links as { id: string; accessCount: number; state: string; lastAccessAt: string | null }[];

  beforeAll(async () => {
    const db = await createTestDatabase('architech_share_links');
    const launched = await startLauncher({ RATE_LIMIT_PER_MIN: '0', DATABASE_URL: db.url });
    product = { url: launched.url, databaseUrl: db.url, stop: async () => (await launched.stop(), await db.drop()) };
    api = apiClient(product.url);
    [owner, editor, viewer, outsider] = [await api.signUp('share-owner@example.com'), await api.signUp('share-editor@example.com'), await api.signUp('share-viewer@example.com'), await api.signUp('share-outsider@example.com')];
    projectId = (await api.post('/api/projects', { name: 'Shared' }, owner.token)).body.id;
    await api.post(`/api/projects/${projectId}/members`, { email: editor.email, role: 'editor' }, owner.token);
    await api.post(`/api/projects/${projectId}/members`, { email: viewer.email, role: 'viewer' }, owner.token);
    designId = (await api.post(`/api/projects/${projectId}/designs`, { name: 'Three tier', ...sampleDesign() }, owner.token)).body.id;
    [runA, runB] = [await completedRun(1), await completedRun(2)];
  });

  afterAll(async () => {
    await product?.stop();
  });

  it('refuses a bad expiry with 400 naming expiresInDays, and only editors and owners share', async () => {
    for (const expiresInDays of [0, 91, 1.5, '7', -3]) {
      const refused = await share(runA, { expiresInDays });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body.error.details)).toContain('expiresInDays');
    }
    expect((await share(runA, { expiresInDays: 7, extra: true })).status).toBe(400);
    expect((await share(runA, {}, viewer.token)).status).toBe(403);
    expect((await share(runA, {}, outsider.token)).status).toBe(404);
    expect((await api.get(`/api/simulations/${runA}/share-links`, outsider.token)).status).toBe(404);
    expect((await api.post(`/api/simulations/${runA}/share-links`, {})).status).toBe(401);
    const longest = await share(runA, { expiresInDays: 90 }, owner.token);
    expect(longest.status).toBe(201);
    expect(Date.parse(longest.body.link.expiresAt) - Date.parse(longest.body.link.createdAt)).toBe(90 * 86_400_000);
  });

  it('opens the run’s summary, design, series, traces and logs without an account, counted and audited', async () => {
    const created = await share(runA, {});
    expect(created.status).toBe(201);
    const { token, link, path } = created.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/shared/${token}`);
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(7 * 86_400_000);
    expect(link).toMatchObject({ simulationId: runA, state: 'active', accessCount: 0, revokedAt: null, createdBy: editor.id });
    // The list never shows a token.
    const listed = await api.get(`/api/simulations/${runA}/share-links`, owner.token);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const run = await api.get(`/api/shared/${token}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ id: runA, status: 'COMPLETED', designId });
    expect(run.body.summary).toBeDefined();
    expect(run.headers.get('x-share-expires-at')).toBe(link.expiresAt);
    const design = await api.get(`/api/shared/${token}/design`);
    expect(design.status).toBe(200);
    expect(design.body.components.map((c: { id: string }) => c.id)).toEqual(['users', 'api', 'db']);
    const metrics = await api.get(`/api/shared/${token}/metrics?metric=throughput`);
    expect(metrics.status).toBe(200);
    expect(metrics.body.series.length).toBeGreaterThan(0);
    const metricBatch = await api.post(`/api/shared/${token}/metrics/batch`, { queries: [{ metric: 'throughput' }, { metric: 'errors', component: ['db'] }], maxPoints: 50 });
    expect(metricBatch.status).toBe(200);
    expect(metricBatch.body.results[0]).toEqual((await api.get(`/api/simulations/${runA}/metrics?metric=throughput&maxPoints=50`, owner.token)).body);
    expect(metricBatch.body.results[1].series.map((s: { componentId: string }) => s.componentId)).toEqual(['db']);
    const traces = await api.get(`/api/shared/${token}/traces?limit=5`);
    expect(traces.status).toBe(200);
    expect(traces.body.total).toBeGreaterThan(0);
    const traceId = traces.body.traces[0].traceId;
    expect((await api.get(`/api/shared/${token}/traces/${traceId}`)).body.traceId).toBe(traceId);
    const batch = await api.post(`/api/shared/${token}/traces/batch`, { traceIds: [traceId] });
    expect(batch.status).toBe(200);
    expect(batch.body.traces).toHaveLength(1);
    // The replay's sample: the member route's answer, through the link.
    const sample = await api.get(`/api/shared/${token}/traces/sample?size=3`);
    expect(sample.status).toBe(200);
    expect(sample.body.traces.length).toBe(Math.min(3, traces.body.total));
    expect(sample.body.traces[0].spans.length).toBeGreaterThan(0);
    expect(sample.body).toEqual((await api.get(`/api/simulations/${runA}/traces/sample?size=3`, owner.token)).body);
    expect((await api.get(`/api/shared/${token}/traces/sample?size=501`)).status).toBe(400);
    const logs = await api.get(`/api/shared/${token}/logs?level=error`);
    expect(logs.status).toBe(200);
    expect(logs.body.total).toBeGreaterThan(0);
    // Same answers as a member's.
    expect(logs.body.total).toBe((await api.get(`/api/simulations/${runA}/logs?level=error`, owner.token)).body.total);
    // Bad queries are the services' usual 400s.
    expect((await api.get(`/api/shared/${token}/metrics?metric=nope`)).status).toBe(400);
    expect((await api.post(`/api/shared/${token}/metrics/batch`, { queries: [{ metric: 'nope' }] })).status).toBe(400);

    // One opening (the run itself) is one access; the page's further reads are not counted again.
    await api.get(`/api/shared/${token}`);
    const counted = (await linksOf(runA)).find((l) => l.id === link.id)!;
    expect(counted.accessCount).toBe(2);
    expect(counted.lastAccessAt).not.toBeNull();
    const audit = await api.get(`/api/projects/${projectId}/audit?limit=500`, owner.token);
    expect(audit.status).toBe(200);
    const events = (audit.body.events as { action: string; actorId: string; resourceId: string; details: Record<string, unknown> }[]).filter((e) => e.resourceId === link.id);
    expect(events.filter((e) => e.action === 'share_link.created').map((e) => e.actorId)).toEqual([editor.id]);
    const accesses = events.filter((e) => e.action === 'share_link.accessed');
    expect(accesses).toHaveLength(2);
    expect(accesses.every((e) => e.actorId === NIL_UUID && e.details.simulationId === runA && typeof e.details.client === 'string')).toBe(true);
  });

  it('never reaches another run nor a write route', async () => {
    const { token } = (await share(runA, {})).body;
    const traceOfB = (await api.get(`/api/simulations/${runB}/traces?limit=1`, owner.token)).body.traces[0].traceId;
    expect((await api.get(`/api/shared/${token}/traces/${traceOfB}`)).status).toBe(404);
    expect((await api.post(`/api/shared/${token}/traces/batch`, { traceIds: [traceOfB] })).body.traces).toEqual([]);
    for (const path of [`/api/shared/${token}/simulations/${runB}`, `/api/shared/${token}/simulations/${runB}/metrics?metric=throughput`, `/api/shared/${token}/${runB}/logs`, `/api/shared/${token}/share-links`, `/api/shared/${token}/events`]) {
      expect((await api.get(path)).status).toBe(404);
    }
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of [`/api/shared/${token}`, `/api/shared/${token}/share-links`, `/api/shared/${token}/metrics`, `/api/shared/${token}/design`]) {
        expect((await api.call(method, path, { body: {} })).status).toBe(404);
      }
    }
    // The token is no access token: the ordinary routes refuse it.
    expect((await api.delete(`/api/simulations/${runA}`, token)).status).toBe(401);
    expect((await api.get(`/api/simulations/${runB}/metrics?metric=throughput`, token)).status).toBe(401);
    expect((await api.post(`/api/designs/${designId}/simulations`, { durationSec: 5 }, token)).status).toBe(401);
    // The run behind the link is unchanged and B's telemetry is not A's.
    expect((await api.get(`/api/simulations/${runA}`, owner.token)).body.status).toBe('COMPLETED');
    // A token never issued, or malformed, opens nothing.
    expect((await api.get(`/api/shared/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await api.get('/api/shared/not-a-token/metrics?metric=throughput')).status).toBe(404);
    expect((await api.get('/api/shared/')).status).toBe(404);
  });

  it('a revoked link answers 404, and so does an expired one', async () => {
    const { token, link } = (await share(runB, { expiresInDays: 3 })).body;
    expect((await api.get(`/api/shared/${token}`)).status).toBe(200);
    expect((await api.delete(`/api/simulations/${runB}/share-links/${link.id}`, viewer.token)).status).toBe(403);
    expect((await api.delete(`/api/simulations/${runA}/share-links/${link.id}`, editor.token)).status).toBe(404);
    const revoked = await api.delete(`/api/simulations/${runB}/share-links/${link.id}`, editor.token);
    expect(revoked.status).toBe(200);
    expect(revoked.body.state).toBe('revoked');
    for (const path of ['', '/design', '/metrics?metric=throughput', '/traces', '/logs']) {
      const answer = await api.get(`/api/shared/${token}${path}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    // Revoking again changes nothing.
    expect((await api.delete(`/api/simulations/${runB}/share-links/${link.id}`, owner.token)).body.revokedAt).toBe(revoked.body.revokedAt);
    const audit = (await api.get(`/api/projects/${projectId}/audit?limit=500`, owner.token)).body.events as { action: string; resourceId: string; actorId: string }[];
    expect(audit.filter((e) => e.resourceId === link.id && e.action === 'share_link.revoked').map((e) => e.actorId)).toEqual([editor.id]);

    const expiring = (await share(runB, { expiresInDays: 1 })).body;
    expect((await api.get(`/api/shared/${expiring.token}/logs`)).status).toBe(200);
    await sql(`UPDATE simulations.share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.link.id]);
    expect((await api.get(`/api/shared/${expiring.token}`)).status).toBe(404);
    expect((await api.get(`/api/shared/${expiring.token}/logs`)).status).toBe(404);
    const states = await linksOf(runB);
    expect(states.find((l) => l.id === expiring.link.id)!.state).toBe('expired');
    expect(states.find((l) => l.id === link.id)!.state).toBe('revoked');
    // The failed opening was not counted.
    expect(states.find((l) => l.id === expiring.link.id)!.accessCount).toBe(0);
  });

  it('serves the run’s reports through the link, and only that run’s, until it is revoked', async () => {
    const asked = await api.post(`/api/simulations/${runA}/deliverables`, { format: 'html' }, editor.token);
    expect(asked.status).toBe(202);
    await eventually(() => api.get(`/api/simulations/${runA}/deliverables/${asked.body.id}`, editor.token), (r) => r.body.status === 'ready', 60_000);
    const ofB = await api.post(`/api/simulations/${runB}/deliverables`, { format: 'html' }, editor.token);
    await eventually(() => api.get(`/api/simulations/${runB}/deliverables/${ofB.body.id}`, editor.token), (r) => r.body.status === 'ready', 60_000);
    const { token, link } = (await share(runA, {})).body;

    const listed = await api.get(`/api/shared/${token}/deliverables`);
    expect(listed.status).toBe(200);
    expect(listed.body.deliverables.map((d: { id: string }) => d.id)).toEqual([asked.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(editor.id);
    const file = await api.get(`/api/shared/${token}/deliverables/${asked.body.id}/content`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('text/html');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.html"$/);
    expect(String(file.body)).toMatch(/^<!doctype html>/i);
    expect(String(file.body)).toContain('architech simulate design.json');
    // Counted like a member's download.
    expect((await api.get(`/api/simulations/${runA}/deliverables/${asked.body.id}`, owner.token)).body.downloadCount).toBe(1);
    // Another run's report, or an unknown one, is not reachable through this link.
    expect((await api.get(`/api/shared/${token}/deliverables/${ofB.body.id}/content`)).status).toBe(404);
    expect((await api.get(`/api/shared/${token}/deliverables/${NIL_UUID}/content`)).status).toBe(404);
    expect((await api.get(`/api/shared/${token}/deliverables/not-a-uuid/content`)).status).toBe(404);
    // Nor generated, nor deleted, through it.
    expect((await api.post(`/api/shared/${token}/deliverables`, { format: 'html' })).status).toBe(404);
    expect((await api.delete(`/api/shared/${token}/deliverables/${asked.body.id}`)).status).toBe(404);

    expect((await api.delete(`/api/simulations/${runA}/share-links/${link.id}`, editor.token)).status).toBe(200);
    expect((await api.get(`/api/shared/${token}/deliverables`)).status).toBe(404);
    expect((await api.get(`/api/shared/${token}/deliverables/${asked.body.id}/content`)).status).toBe(404);
  });

  it('keeps at most 50 active links per run: the 51st is a 409 until one is revoked', async () => {
    const active = (await linksOf(runA)).filter((l) => l.state === 'active').length;
    for (let i = active; i < 50; i++) expect((await share(runA, { expiresInDays: 1 })).status).toBe(201);
    const refused = await share(runA, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ active: 50, limit: 50 });
    const one = (await linksOf(runA)).find((l) => l.state === 'active')!;
    expect((await api.delete(`/api/simulations/${runA}/share-links/${one.id}`, editor.token)).status).toBe(200);
    expect((await share(runA, {})).status).toBe(201);
  });
});
