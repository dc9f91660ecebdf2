import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { apiClient, eventually, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Requirements as checks end to end through the gateway on a real PostgreSQL: requirements CRUD
 * with roles and audit, check runs whose replications are normal simulations, evidence, history
 * (streaks, regressed, pass rate, badges per version, coverage), and `architech check --server`.
 */

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');

/** A client at 40/s through an api: 4 workers of a constant 20 ms keep up; 1 worker of 30 ms cannot (ρ = 1.2, the queue and p99 grow). */
const design = (workers: number, serviceMs: number) => ({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'constant', ratePerSec: 40 } }, position: { x: 0, y: 0 } },
    { id: 'api', type: 'SERVICE', properties: { workers, serviceTime: { dist: 'constant', value: serviceMs } }, position: { x: 200, y: 0 } },
    { id: 'db', type: 'DATABASE', properties: { workers: 4, serviceTime: { dist: 'constant', value: 2 } }, position: { x: 400, y: 0 } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'api' },
    { id: 'c2', source: 'api', target: 'db' },
  ],
});
const requirement = {
  id: 'REQ-0001',
  statement: 'p99 stays under 100 ms; survives a db crash',
  tags: ['performance', 'reliability'],
  scenario: { durationSec: 40, replications: 2, faults: [{ type: 'crash', target: 'db', startSec: 15, durationSec: 5 }] },
  criteria: [
    { metric: 'latencyP99Ms', op: '<', value: 100, window: 'after-fault' },
    { metric: 'recoverySec', op: '<=', value: 5 },
    { metric: 'utilization', component: 'db', op: '<', value: 0.9 },
  ],
};

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;
let owner: { token: string; id: string };
let viewer: { token: string; id: string };
let projectId: string;
let good: string;
let bad: string;

beforeAll(async () => {
  db = await createTestDatabase('architech_checks');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
  owner = await api.signUp('checks-owner@example.com');
  viewer = await api.signUp('checks-viewer@example.com');
  projectId = (await api.post('/api/projects', { name: 'Checks' }, owner.token)).body.id;
  await api.post(`/api/projects/${projectId}/members`, { email: 'checks-viewer@example.com', role: 'viewer' }, owner.token);
  const v1 = (await api.post(`/api/projects/${projectId}/designs`, { name: 'Shop', ...design(4, 20) }, owner.token)).body;
  good = v1.id;
  const v2 = await api.post(`/api/projects/${projectId}/designs`, { name: 'Shop', lineageId: v1.lineageId, baseVersion: 1, ...design(1, 30) }, owner.token);
  expect(v2.status).toBe(201);
  bad = v2.body.id;
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

const check = async (designId: string, token = owner.token) => {
  const started = await api.post(`/api/designs/${designId}/checks`, {}, token);
  expect(started.status).toBe(202);
  return eventually(() => api.get(`/api/checks/${started.body.id}`, token).then((r) => r.body), (r) => r.status !== 'RUNNING', 180_000);
};

describe('requirements', () => {
  it('are written by editors, read by viewers, validated field by field and audited', async () => {
    const bodyErr = await api.post(`/api/projects/${projectId}/requirements`, { ...requirement, criteria: [{ metric: 'utilization', op: '<', value: 1 }] }, owner.token);
    expect(bodyErr.status).toBe(400);
    expect(bodyErr.body.error.details).toEqual([expect.objectContaining({ path: 'criteria[0].component' })]);
    expect((await api.post(`/api/projects/${projectId}/requirements`, requirement, viewer.token)).status).toBe(403);
    const created = await api.post(`/api/projects/${projectId}/requirements`, requirement, owner.token);
    expect(created.status).toBe(201);
    expect(created.body.scenario.replications).toBe(2);
    expect((await api.post(`/api/projects/${projectId}/requirements`, requirement, owner.token)).status).toBe(409);
    const listed = await api.get(`/api/projects/${projectId}/requirements`, viewer.token);
    expect(listed.body.requirements.map((r: { id: string }) => r.id)).toEqual(['REQ-0001']);
    const edited = await api.call('PUT', `/api/projects/${projectId}/requirements/REQ-0001`, { token: owner.token, body: { ...requirement, statement: 'p99 under 100 ms after a db crash' } });
    expect(edited.status).toBe(200);
    expect(edited.body.statement).toBe('p99 under 100 ms after a db crash');
    const audit = await api.get(`/api/projects/${projectId}/audit`, owner.token);
    expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['requirement.created', 'requirement.updated']));
  });
});

describe('check runs and history', () => {
  it('refuses to check a design of a project without requirements access, and viewers may not start one', async () => {
    expect((await api.post(`/api/designs/${good}/checks`, {}, viewer.token)).status).toBe(403);
    const unknown = await api.post(`/api/designs/${good}/checks`, { only: ['REQ-9999'] }, owner.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('only');
  });

  it('passes the good version and fails the bad one, with evidence and runs in the runs list', async () => {
    const passed = await check(good);
    expect(passed).toMatchObject({ status: 'COMPLETED', verdict: 'passed', designId: good, done: 1, total: 1 });
    const evidence = passed.evidence[0];
    expect(evidence).toMatchObject({ requirementId: 'REQ-0001', verdict: 'passed', seeds: [1, 2], engineVersion: expect.any(String), designHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(evidence.criteria.map((c: { verdict: string }) => c.verdict)).toEqual(['pass', 'pass', 'pass']);
    expect(evidence.simulationIds).toHaveLength(2);
    const runs = (await api.get(`/api/designs/${good}/simulations`, owner.token)).body.simulations.map((s: { id: string }) => s.id);
    expect(runs).toEqual(expect.arrayContaining(evidence.simulationIds));

    const failed = await check(bad);
    expect(failed).toMatchObject({ status: 'COMPLETED', verdict: 'failed' });
    expect(failed.evidence[0].criteria[0]).toMatchObject({ verdict: 'fail' });
    expect(failed.evidence[0].criteria[0].mean).toBeGreaterThan(100);
  });

  it('keeps history: two failures in a row flag the requirement regressed, a pass clears it', async () => {
    let history = (await api.get(`/api/projects/${projectId}/checks/history`, viewer.token)).body;
    expect(history.requirements[0]).toMatchObject({ requirementId: 'REQ-0001', failureStreak: 1, regressed: false, passRate: 0.5 });
    await check(bad);
    history = (await api.get(`/api/projects/${projectId}/checks/history`, viewer.token)).body;
    expect(history.requirements[0]).toMatchObject({ failureStreak: 2, regressed: true, flaky: false });
    expect(history.requirements[0].points.map((p: { verdict: string }) => p.verdict)).toEqual(['passed', 'failed', 'failed']);
    expect(history.requirements[0].passRate).toBeCloseTo(1 / 3, 10);
    expect(history.versions).toEqual(expect.arrayContaining([expect.objectContaining({ designId: good, verdict: 'passed' }), expect.objectContaining({ designId: bad, verdict: 'failed' })]));
    expect(history.coverage.untested).toEqual(['users', 'api']); // in the design's order
    expect(history.coverage.components.find((c: { componentId: string }) => c.componentId === 'db').requirementIds).toEqual(['REQ-0001']);
    expect((await api.get(`/api/projects/${projectId}/checks/history?window=0`, viewer.token)).body.error.details[0].path).toBe('window');

    await check(good);
    history = (await api.get(`/api/projects/${projectId}/checks/history?window=2`, viewer.token)).body;
    expect(history.requirements[0]).toMatchObject({ failureStreak: 0, regressed: false, passRate: 0.5 });
  });

  it('runs from the CLI against the server: exit 1 for the failing version, 0 for the passing one', () => {
    const cli = (designId: string) =>
      spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/architech.js'), 'check', '--server', topology.url, '--design', designId], { env: { ...process.env, ARCHITECH_TOKEN: owner.token }, encoding: 'utf8', timeout: 200_000 });
    const failing = cli(bad);
    expect(failing.stderr).toBe('');
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/REQ-0001\s+p99 \(after-fault\) < 100 ms\s+[\d.]+ ms ± [\d.]+\s+FAIL/);
    expect(cli(good).status).toBe(0);
    const unauthorized = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/architech.js'), 'check', '--server', topology.url, '--design', good], { env: { ...process.env, ARCHITECH_TOKEN: '' }, encoding: 'utf8' });
    expect(unauthorized.status).toBe(2);
    expect(unauthorized.stderr).toMatch(/401 .*ARCHITECH_TOKEN/);
  });
});
