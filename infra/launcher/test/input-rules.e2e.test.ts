import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * One rule for every string the API receives (issue 13, items 1, 2 and 6): NUL characters, lone
 * UTF-16 surrogates and malformed percent-encoding are refused with 400 naming the field wherever
 * they arrive (body, query, path), and every query parameter is validated against its schema. On
 * PostgreSQL and on embedded PGlite, through the gateway.
 */

jest.setTimeout(180_000);

type Topology = { url: string; stop(): Promise<void> };

const topologies: [string, () => Promise<{ topology: Topology; cleanup(): Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('architech_input_rules');
      const topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
      return { topology, cleanup: () => db.drop() };
    },
  ],
  [
    'PGlite',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'architech-input-rules-'));
      const topology = await startLauncher({ DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0' });
      return { topology, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  ],
];

/** The field a 400 names: the first detail's path. */
function expectRefused(response: { status: number; body: any }, path: string): void {
  expect({ status: response.status, code: response.body?.error?.code, path: response.body?.error?.details?.[0]?.path }).toEqual({ status: 400, code: 'validation_failed', path });
  expect(response.body.error.details[0].code).toBe('invalid_text');
}

describe.each(topologies)('input rules on %s', (_name, start) => {
  let started: { topology: Topology; cleanup(): Promise<void> };
  let api: ApiClient;
  let user: { token: string };
  let projectId: string;
  let designId: string;
  let simulationId: string;

  beforeAll(async () => {
    started = await start();
    api = apiClient(started.topology.url);
    user = await api.signUp('rules@example.com');
    projectId = (await api.post('/api/projects', { name: 'Rules' }, user.token)).body.id;
    designId = (await api.post(`/api/projects/${projectId}/designs`, { name: 'D', ...sampleDesign() }, user.token)).body.id;
    simulationId = (await api.post(`/api/designs/${designId}/simulations`, { durationSec: 5 }, user.token)).body.id;
  });

  afterAll(async () => {
    await started?.topology.stop();
    await started?.cleanup();
  });

  it('refuses a NUL character in every body field with 400 naming the field', async () => {
    expectRefused(await api.post('/api/auth/register', { email: 'nul@example.com', password: 'correct horse battery', name: 'a\u0000b' }), 'name');
    expectRefused(await api.post('/api/projects', { name: 'a\u0000b' }, user.token), 'name');
    expectRefused(await api.post('/api/projects', { name: 'ok', description: '\u0000' }, user.token), 'description');
    expectRefused(await api.patch(`/api/projects/${projectId}`, { name: 'x\u0000' }, user.token), 'name');
    expectRefused(await api.post(`/api/projects/${projectId}/designs`, { name: 'a\u0000', ...sampleDesign() }, user.token), 'name');
    expectRefused(await api.post(`/api/projects/${projectId}/designs`, { name: 'ok', description: 'a\u0000', ...sampleDesign() }, user.token), 'description');
    const design = sampleDesign();
    design.components[1].name = 'A\u0000PI';
    expectRefused(await api.post(`/api/projects/${projectId}/designs`, { name: 'ok', ...design }, user.token), 'components[1].name');
  });

  it('refuses a NUL character in the telemetry queries and paths, naming the parameter', async () => {
    const base = `/api/simulations/${simulationId}`;
    expectRefused(await api.get(`${base}/traces/%00`, user.token), 'traceId');
    expectRefused(await api.get(`${base}/logs?q=%00`, user.token), 'q');
    expectRefused(await api.get(`${base}/logs?component=%00`, user.token), 'component');
    expectRefused(await api.get(`${base}/metrics?metric=%00`, user.token), 'metric');
    expectRefused(await api.get(`${base}/metrics?metric=throughput&component=%00`, user.token), 'component');
    expectRefused(await api.get(`${base}/traces?component=%00`, user.token), 'component');
    expectRefused(await api.get(`/api/projects/%00`, user.token), 'id');
  });

  it('refuses lone surrogates in bodies and malformed percent-encoding in URLs; keeps paired surrogates exactly', async () => {
    // JSON.stringify escapes a lone surrogate as \ud800, which JSON.parse turns back into one.
    expectRefused(await api.post('/api/projects', { name: 'a\ud800b' }, user.token), 'name');
    expectRefused(await api.post('/api/projects', { name: 'ok', description: 'x\udc00' }, user.token), 'description');
    expectRefused(await api.post(`/api/projects/${projectId}/designs`, { name: '\ud800', ...sampleDesign() }, user.token), 'name');
    expectRefused(await api.post('/api/auth/register', { email: 'sur@example.com', password: 'correct horse battery', name: '\udfff' }), 'name');
    expectRefused(await api.get(`/api/simulations/${simulationId}/logs?q=%ED%A0%80`, user.token), 'q');
    expectRefused(await api.get(`/api/simulations/${simulationId}/traces/%ED%A0%80`, user.token), 'path');
    const invalidUtf8 = await fetch(`${started.topology.url}/api/projects`, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: Buffer.from('{"name":"\xff"}', 'latin1') });
    expect(invalidUtf8.status).toBe(400);
    expect((await invalidUtf8.json()).error.code).toBe('validation_failed');
    const emoji = await api.post('/api/projects', { name: 'Rocket \ud83d\ude80', description: 'snowman \u2603' }, user.token);
    expect(emoji.status).toBe(201);
    expect((await api.get(`/api/projects/${emoji.body.id}`, user.token)).body).toMatchObject({ name: 'Rocket \ud83d\ude80', description: 'snowman \u2603' });
  });

  it('a design save, whose body is read from its raw bytes on a worker thread, refuses bad bodies exactly as the JSON middleware does', async () => {
    // `POST /api/projects` goes through the services' JSON middleware; a save's body is read by
    // the designs service itself (SaveDesignReader). The same bad body must get the same answer.
    const bodies = ['{"name": ', '"just a string"', '  42', '[1, 2', 'nul', '{"name":"a\\u0000"}', '{"description":"\\udc00x"}', '{"a\\u0000":1}'];
    for (const body of bodies) {
      const viaMiddleware = await api.call('POST', '/api/projects', { token: user.token, body, headers: { 'content-type': 'application/json' } });
      const viaSave = await api.call('POST', `/api/projects/${projectId}/designs`, { token: user.token, body, headers: { 'content-type': 'application/json' } });
      expect({ body, status: viaSave.status, answer: viaSave.body }).toEqual({ body, status: 400, answer: viaMiddleware.body });
    }
    const invalidUtf8 = (path: string) => fetch(`${started.topology.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' }, body: Buffer.from('{"name":"\xff"}', 'latin1') });
    const [a, b] = await Promise.all([invalidUtf8('/api/projects'), invalidUtf8(`/api/projects/${projectId}/designs`)]);
    expect({ status: b.status, body: await b.json() }).toEqual({ status: a.status, body: await a.json() });
    // An empty JSON body is `{}` for both: then each route's own schema speaks.
    const empty = await api.call('POST', `/api/projects/${projectId}/designs`, { token: user.token, body: '', headers: { 'content-type': 'application/json' } });
    expect({ status: empty.status, path: empty.body.error.details[0].path }).toEqual({ status: 400, path: 'components' });
    // And a good one is saved with its graph as written.
    const saved = await api.post(`/api/projects/${projectId}/designs`, { name: '  Trimmed  ', ...sampleDesign() }, user.token);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Trimmed', components: sampleDesign().components, connections: sampleDesign().connections.map((c) => ({ properties: {}, ...c })) });
    expect((await api.get(`/api/designs/${saved.body.id}`, user.token)).body).toEqual(saved.body);
  });

  it('validates every telemetry query parameter, naming it: an unknown metric is a 400, not an empty 200', async () => {
    const base = `/api/simulations/${simulationId}`;
    const bogus = await api.get(`${base}/metrics?metric=bogus`, user.token);
    expect(bogus.status).toBe(400);
    expect(bogus.body.error.details[0].path).toBe('metric');
    expect(bogus.body.error.details[0].message).toMatch(/throughput/);
    expect((await api.get(`${base}/metrics?metric=throughput&maxPoints=0`, user.token)).body.error.details[0].path).toBe('maxPoints');
    expect((await api.get(`${base}/traces?status=MAYBE`, user.token)).body.error.details[0].path).toBe('status');
    expect((await api.get(`${base}/traces/sample?size=0`, user.token)).body.error.details[0].path).toBe('size');
    expect((await api.get(`${base}/logs?level=loud`, user.token)).body.error.details[0].path).toBe('level');
    expect((await api.get(`${base}/logs?limit=abc`, user.token)).body.error.details[0].path).toBe('limit');
    expect((await api.get(`${base}/metrics?metric=throughput`, user.token)).status).toBe(200);
  });

  it('validates a metrics batch body, naming the field, and enforces its limits', async () => {
    const batch = (body: unknown) => api.post(`/api/simulations/${simulationId}/metrics/batch`, body, user.token);
    const stranger = await api.signUp('batch-stranger@example.com');
    expect((await api.post(`/api/simulations/${simulationId}/metrics/batch`, { queries: [{ metric: 'errors' }] }, stranger.token)).status).toBe(404);
    const refusedAt = async (body: unknown) => {
      const answer = await batch(body);
      expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
      return answer.body.error.details[0].path;
    };
    expect(await refusedAt({})).toBe('queries');
    expect(await refusedAt({ queries: [] })).toBe('queries');
    expect(await refusedAt({ queries: Array.from({ length: 33 }, () => ({ metric: 'errors' })), maxPoints: 1 })).toBe('queries');
    expect(await refusedAt({ queries: [{ metric: 'bogus' }] })).toBe('queries[0].metric');
    expect(await refusedAt({ queries: [{ metric: 'errors', component: [] }] })).toBe('queries[0].component');
    expect(await refusedAt({ queries: [{ metric: 'errors', component: 'db' }] })).toBe('queries[0].component');
    expect(await refusedAt({ queries: [{ metric: 'errors' }], maxPoints: '5' })).toBe('maxPoints');
    expect(await refusedAt({ queries: [{ metric: 'errors' }], maxPoints: 10_001 })).toBe('maxPoints');
    expect(await refusedAt({ queries: Array.from({ length: 21 }, () => ({ metric: 'errors' })), maxPoints: 10_000 })).toBe('maxPoints');
    const unknownField = await batch({ queries: [{ metric: 'errors' }], extra: 1 });
    expect([unknownField.status, unknownField.body.error.details[0].message]).toEqual([400, expect.stringContaining('extra')]);
    expectRefused(await batch({ queries: [{ metric: 'errors', component: ['a\u0000b'] }] }), 'queries[0].component[0]');
    const ok = await batch({ queries: [{ metric: 'throughput' }, { metric: 'errors', component: ['_end_to_end'] }], maxPoints: 10 });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(2);
  });
});
