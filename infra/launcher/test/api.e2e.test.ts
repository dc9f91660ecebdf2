import jwt from 'jsonwebtoken';
import { apiClient, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startDistributed, startLauncher, TEST_ENV } from './support/processes';

/*
 * The public API end to end: real processes (the launcher, or one process per service), real HTTP
 * through the gateway, a real PostgreSQL database created for this suite and dropped after it.
 */

jest.setTimeout(120_000);

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase('architech_api');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

describe('accounts', () => {
  it('registers, logs in and answers /api/me, never returning a password or hash', async () => {
    const registered = await api.post('/api/auth/register', { email: 'Alice@Example.com', password: 'correct horse battery', name: 'Alice' });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toEqual({ id: expect.any(String), email: 'Alice@Example.com', name: 'Alice', createdAt: expect.any(String) });
    const login = await api.post('/api/auth/login', { email: 'alice@example.com', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresInSec: expect.any(Number), refreshToken: expect.any(String), refreshExpiresInSec: expect.any(Number), user: registered.body.user });
    const me = await api.get('/api/me', login.body.accessToken);
    expect(me.body).toEqual({ user: registered.body.user });
    expect(JSON.stringify([registered.body, login.body, me.body])).not.toMatch(/password|hash|\$2[aby]\$/i);
  });

  it('refuses a second account with the same email in another case', async () => {
    const again = await api.post('/api/auth/register', { email: 'ALICE@example.com', password: 'another password', name: 'Alice 2' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('names the invalid fields of a registration', async () => {
    const bad = await api.post('/api/auth/register', { email: 'not-an-email', password: 'short', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'password']);
  });

  it('answers 401 for a wrong password and then slows that address down for the account with 429 and Retry-After', async () => {
    await api.signUp('throttled@example.com');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.post('/api/auth/login', { email: 'throttled@example.com', password: 'wrong password' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await api.post('/api/auth/login', { email: 'throttled@example.com', password: 'correct horse battery' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.body.error.details.retryAfterSec)).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBe(blocked.body.error.details.retryAfterSec);
  });

  it('rejects expired, forged and missing tokens at the gateway', async () => {
    const { id } = await api.signUp('tokens@example.com');
    const expired = jwt.sign({ email: 'tokens@example.com' }, TEST_ENV.JWT_SECRET, { subject: id, issuer: 'architech', expiresIn: -10 });
    const forged = jwt.sign({ email: 'tokens@example.com' }, 'another-secret-entirely', { subject: id, issuer: 'architech', expiresIn: 60 });
    expect((await api.get('/api/me', expired)).body.error).toEqual({ code: 'unauthorized', message: 'access token expired' });
    expect((await api.get('/api/me', forged)).status).toBe(401);
    expect((await api.get('/api/me')).status).toBe(401);
  });
});

describe('projects and versioned designs', () => {
  let owner: { token: string; id: string };
  let projectId: string;

  beforeAll(async () => {
    owner = await api.signUp('owner@example.com');
    const created = await api.post('/api/projects', { name: 'Checkout', description: 'the checkout path' }, owner.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Checkout', description: 'the checkout path', role: 'owner' });
    projectId = created.body.id;
  });

  it('saves version 1, then version 2 on top of it, and diffs them', async () => {
    const v1 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Checkout flow', ...sampleDesign() }, owner.token);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ projectId, version: 1, isLatest: true, name: 'Checkout flow' });
    // Stored as written: what was sent comes back, defaults are not spelled out.
    expect(v1.body.components).toEqual(sampleDesign().components);
    expect(v1.body.connections).toEqual(sampleDesign().connections.map((c) => ({ properties: {}, ...c })));

    const edited = sampleDesign(20);
    edited.components.push({ id: 'cache', type: 'CACHE', name: 'Cache', properties: { hitRatio: 0.9, serviceTime: { dist: 'constant', value: 1 } } as never, position: { x: 300, y: 100 } });
    edited.connections.push({ id: 'c3', source: 'api', target: 'cache' } as never);
    edited.components = edited.components.filter((c) => c.id !== 'db');
    edited.connections = edited.connections.filter((c) => c.id !== 'c2');
    edited.components.push({ id: 'db2', type: 'DATABASE', name: 'DB', properties: { serviceTime: { dist: 'exponential', mean: 5 } }, position: { x: 400, y: 0 } });
    edited.connections.push({ id: 'c4', source: 'cache', target: 'db2' } as never);
    const v2 = await api.post(`/api/projects/${projectId}/designs`, { lineageId: v1.body.lineageId, baseVersion: 1, ...edited }, owner.token);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ lineageId: v1.body.lineageId, version: 2, isLatest: true, name: 'Checkout flow' });

    const old = await api.get(`/api/designs/${v1.body.id}`, owner.token);
    expect(old.body).toMatchObject({ version: 1, isLatest: false });
    expect(old.body.components).toEqual(v1.body.components);
    // A second read comes from the cache of immutable graphs: the same answer, byte for byte,
    // and isLatest is still read fresh.
    const first = await fetch(`${topology.url}/api/designs/${v2.body.id}`, { headers: { authorization: `Bearer ${owner.token}` } });
    const second = await fetch(`${topology.url}/api/designs/${v2.body.id}`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    const [firstText, secondText] = [await first.text(), await second.text()];
    expect(secondText).toBe(firstText);
    expect(JSON.parse(firstText)).toEqual(v2.body);

    const versions = await api.get(`/api/designs/${v2.body.id}/versions`, owner.token);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const diff = await api.get(`/api/designs/${v2.body.id}/diff?against=${v1.body.id}`, owner.token);
    expect(diff.status).toBe(200);
    expect(diff.body.components.added.map((c: { id: string }) => c.id).sort()).toEqual(['cache', 'db2']);
    expect(diff.body.components.removed.map((c: { id: string }) => c.id)).toEqual(['db']);
    expect(diff.body.components.changed.map((c: { after: { id: string } }) => c.after.id)).toEqual(['api']);
    expect(diff.body.connections.added.map((c: { id: string }) => c.id).sort()).toEqual(['c3', 'c4']);
    expect(diff.body.connections.removed.map((c: { id: string }) => c.id)).toEqual(['c2']);

    const list = await api.get(`/api/projects/${projectId}/designs`, owner.token);
    expect(list.body.designs).toEqual([expect.objectContaining({ id: v2.body.id, version: 2, componentCount: 4, connectionCount: 3 })]);
  });

  it('refuses a save based on a version that is no longer the latest (409)', async () => {
    const v1 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Stale', ...sampleDesign() }, owner.token);
    await api.post(`/api/projects/${projectId}/designs`, { lineageId: v1.body.lineageId, baseVersion: 1, ...sampleDesign(11) }, owner.token);
    const stale = await api.post(`/api/projects/${projectId}/designs`, { lineageId: v1.body.lineageId, baseVersion: 1, ...sampleDesign(12) }, owner.token);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ latestVersion: 2 });
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const v1 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Race', ...sampleDesign() }, owner.token);
    const results = await Promise.all([13, 14, 15, 16].map((mean) => api.post(`/api/projects/${projectId}/designs`, { lineageId: v1.body.lineageId, baseVersion: 1, ...sampleDesign(mean) }, owner.token)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const versions = await api.get(`/api/designs/${v1.body.id}/versions`, owner.token);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('validates a design before storing it and names the field', async () => {
    const design = sampleDesign();
    (design.components[1].properties.serviceTime as { mean: number }).mean = -5;
    const bad = await api.post(`/api/projects/${projectId}/designs`, { name: 'Bad', ...design }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('components[1].properties.serviceTime.mean');
    const dangling = sampleDesign();
    dangling.connections[1].target = 'nowhere';
    const bad2 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Bad', ...dangling }, owner.token);
    expect(bad2.status).toBe(400);
    expect(bad2.body.error.details[0]).toMatchObject({ path: 'connections[1].target', code: 'dangling_connection' });
  });

  it('names a call-graph field that does not apply to its source, and stores a fan-out as written', async () => {
    const misplaced = sampleDesign() as ReturnType<typeof sampleDesign> & { connections: { properties?: Record<string, unknown> }[] };
    misplaced.connections[1].properties = { ...misplaced.connections[1].properties, stage: 2 };
    const bad = await api.post(`/api/projects/${projectId}/designs`, { name: 'Bad', ...misplaced }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: 'connections[1].properties.stage', code: 'not_applicable' });
    const fanOut = sampleDesign() as ReturnType<typeof sampleDesign> & { components: { properties: Record<string, unknown> }[]; connections: { properties?: Record<string, unknown> }[] };
    fanOut.components[1].properties.fanOut = 'all';
    fanOut.connections[1].properties = { ...fanOut.connections[1].properties, stage: 2, probability: 0.5, optional: true };
    const weighted = structuredClone(fanOut);
    weighted.connections[1].properties!.weight = 2;
    const bad2 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Bad', ...weighted }, owner.token);
    expect(bad2.status).toBe(400);
    expect(bad2.body.error.details[0]).toMatchObject({ path: 'connections[1].properties.weight', code: 'not_applicable' });
    const good = await api.post(`/api/projects/${projectId}/designs`, { name: 'Fan-out', ...fanOut }, owner.token);
    expect(good.status).toBe(201);
    const read = await api.get(`/api/designs/${good.body.id}`, owner.token);
    expect(read.body.components[1].properties.fanOut).toBe('all');
    expect(read.body.connections[1].properties).toEqual({ latency: { dist: 'constant', value: 1 }, stage: 2, probability: 0.5, optional: true });
  });

  it('keeps an audit trail of every write that only an owner can read', async () => {
    const audit = await api.get(`/api/projects/${projectId}/audit`, owner.token);
    expect(audit.status).toBe(200);
    const actions = audit.body.events.map((e: { action: string }) => e.action);
    expect(actions).toContain('project.created');
    expect(actions).toContain('design.version_created');
    expect(audit.body.events.every((e: { actorId: string }) => e.actorId === owner.id)).toBe(true);
    // A save's event is written by the save's own statement: what was saved, as which version.
    type Event = { action: string; resourceType: string; resourceId: string; details: { lineageId: string; version: number; name: string } };
    const saves = (audit.body.events as Event[]).filter((e) => e.action.startsWith('design.'));
    expect(saves.length).toBeGreaterThan(1);
    for (const event of saves) {
      const design = (await api.get(`/api/designs/${event.resourceId}`, owner.token)).body;
      expect(event).toMatchObject({ resourceType: 'design', details: { lineageId: design.lineageId, version: design.version, name: design.name } });
      expect(event.action).toBe(design.version === 1 ? 'design.created' : 'design.version_created');
    }
  });
});

describe('the gateway', () => {
  it('serves the OpenAPI document with every route', async () => {
    const docs = await api.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/projects/{id}/designs', '/api/designs/{id}/diff', '/api/simulations/{id}/metrics/batch', '/api/shared/{token}/metrics/batch']));
    expect(docs.body.components.schemas.MetricBatch.properties.queries.maxItems).toBe(32);
  });

  it('echoes and propagates request ids, and answers unknown routes with the error shape', async () => {
    const response = await api.call('GET', '/api/nothing-here', { headers: { 'x-request-id': 'test-req-42' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('test-req-42');
    expect(response.body.error.code).toBe('not_found');
  });

  it('refuses bodies over the limit with 413 and malformed JSON with 400', async () => {
    const big = await api.call('POST', '/api/auth/register', { body: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(3_000_000), name: 'n' }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const malformed = await api.call('POST', '/api/auth/login', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
  });

  it('reports liveness, and readiness of every service behind it', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.get('/ready/upstreams');
    expect(ready.status).toBe(200);
    expect(ready.body.services).toEqual({ users: 'ready', projects: 'ready', designs: 'ready', simulations: 'ready', telemetry: 'ready' });
  });

  it('answers no CORS headers to an origin that CORS_ORIGINS does not list (none by default)', async () => {
    const response = await fetch(`${topology.url}/api/projects`, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('configuration', () => {
  it('refuses the development secrets in production', async () => {
    // Unset, the embedded start generates its own (embedded-security.e2e.test.ts); set to the published values, it refuses.
    const outcome = await startLauncher({ DATABASE_URL: db.url, NODE_ENV: 'production', JWT_SECRET: 'architech-development-secret-change-me', INTERNAL_TOKEN: 'architech-internal-development-token' }).then(
      async (started) => (await started.stop(), 'it started'),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/JWT_SECRET: set a secret of your own in production/);
  });

  it('refuses to start on an invalid setting and names it', async () => {
    await expect(startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: 'lots' })).rejects.toThrow(/RATE_LIMIT_PER_MIN.*\(got 'lots'\)/s);
  });
});

describe('durability', () => {
  it('keeps every account, project and design across a restart of the services', async () => {
    const user = await api.signUp('durable@example.com');
    const project = (await api.post('/api/projects', { name: 'Durable' }, user.token)).body;
    const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'Kept', ...sampleDesign() }, user.token)).body;
    await topology.stop();
    topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
    api = apiClient(topology.url);
    const login = await api.post('/api/auth/login', { email: 'durable@example.com', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    const again = await api.get(`/api/designs/${design.id}`, login.body.accessToken);
    expect(again.body).toEqual(design);
  });
});

describe('the distributed topology (one process per service)', () => {
  it('runs the same flow with every service as its own process', async () => {
    const other = await createTestDatabase('architech_dist');
    const distributed = await startDistributed(other.url, { RATE_LIMIT_PER_MIN: '0' });
    try {
      const client = apiClient(distributed.url);
      const user = await client.signUp('dist@example.com');
      const project = await client.post('/api/projects', { name: 'Dist' }, user.token);
      expect(project.status).toBe(201);
      const design = await client.post(`/api/projects/${project.body.id}/designs`, { name: 'D', ...sampleDesign() }, user.token);
      expect(design.status).toBe(201);
      expect((await client.get(`/api/projects/${project.body.id}/audit`, user.token)).body.events.length).toBeGreaterThanOrEqual(2);
    } finally {
      await distributed.stop();
      await other.drop();
    }
  });
});
