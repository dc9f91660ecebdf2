import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeletedActorId } from '@architech/contracts';
import { Client } from 'pg';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Issue 20, privacy operations, through the gateway on a real PostgreSQL: the purge of a project
 * deletes its designs, runs and telemetry; deleting an account (password re-entered) deletes the
 * projects the user alone owns or hands them to a named member, leaves co-owned projects intact,
 * anonymises the user's audit entries, audits the deletion and refuses the login afterwards; the
 * data export is a tar.gz of JSON files (unpacked with the system's tar).
 */

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';

let db: { url: string; drop(): Promise<void> };
let product: { url: string; stop(): Promise<void> };
let api: ApiClient;

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const count = async (text: string, params: unknown[]) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${text}`, params))[0].n);

/** Rows left of these runs in the telemetry tables. */
const telemetryRows = async (ids: string[]) => {
  let n = 0;
  for (const table of ['metric_chunks', 'traces', 'spans', 'logs']) n += await count(`telemetry.${table} WHERE simulation_id = ANY($1::text[])`, [ids]);
  return n;
};

async function project(name: string, token: string): Promise<string> {
  const created = await api.post('/api/projects', { name }, token);
  expect(created.status).toBe(201);
  return created.body.id;
}

async function addMember(projectId: string, email: string, role: string, token: string): Promise<void> {
  expect((await api.post(`/api/projects/${projectId}/members`, { email, role }, token)).status).toBe(201);
}

async function design(projectId: string, token: string, name = 'D'): Promise<{ id: string; lineageId: string }> {
  const saved = await api.post(`/api/projects/${projectId}/designs`, { name, ...sampleDesign() }, token);
  expect(saved.status).toBe(201);
  return saved.body;
}

async function completedRun(designId: string, token: string, seed = 1): Promise<string> {
  const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 10, seed, tracing: { sampleRate: 0.2, maxTraces: 20, slowest: 5, maxLogs: 50 } }, token);
  expect(launched.status).toBe(202);
  const id: string = launched.body.id;
  await eventually(() => api.get(`/api/simulations/${id}`, token), (r) => r.body.status === 'COMPLETED' && r.body.telemetryComplete === true, 120_000);
  return id;
}

const login = (email: string, password = PASSWORD) => api.post('/api/auth/login', { email, password });

beforeAll(async () => {
  db = await createTestDatabase('architech_account');
  const launched = await startLauncher({ RATE_LIMIT_PER_MIN: '0', LIFECYCLE_SWEEP_SEC: '1', DATABASE_URL: db.url });
  product = { url: launched.url, stop: launched.stop };
  api = apiClient(product.url);
});

afterAll(async () => {
  await product?.stop();
  await db?.drop();
});

describe('the purge cascade', () => {
  it('deletes a purged project’s designs (every version), runs, check runs and telemetry, and nothing of another project', async () => {
    const owner = await api.signUp('purge-owner@example.com');
    const [doomed, kept] = [await project('Purge me', owner.token), await project('Keep me', owner.token)];
    const d1 = await design(doomed, owner.token);
    const v2 = await api.post(`/api/projects/${doomed}/designs`, { lineageId: d1.lineageId, baseVersion: 1, ...sampleDesign(12) }, owner.token);
    expect(v2.status).toBe(201);
    const keptDesign = await design(kept, owner.token);
    const [run, keptRun] = [await completedRun(d1.id, owner.token), await completedRun(keptDesign.id, owner.token, 2)];
    expect(await telemetryRows([run])).toBeGreaterThan(0);

    expect((await api.delete(`/api/projects/${doomed}`, owner.token)).status).toBe(204);
    // In the trash the data stays (restorable); past the grace period the purge takes it all.
    expect(await count('designs.designs WHERE project_id = $1', [doomed])).toBe(2);
    await sql(`UPDATE projects.projects SET deleted_at = now() - interval '31 days' WHERE id = $1`, [doomed]);
    await eventually(() => count('projects.projects WHERE id = $1', [doomed]), (n) => n === 0, 30_000);
    expect(await count('designs.designs WHERE project_id = $1', [doomed])).toBe(0);
    expect(await count('designs.components WHERE design_id = ANY($1::uuid[])', [[d1.id, v2.body.id]])).toBe(0);
    expect(await count('simulations.simulations WHERE project_id = $1', [doomed])).toBe(0);
    expect(await count('simulations.simulation_results WHERE simulation_id = $1', [run])).toBe(0);
    await eventually(() => telemetryRows([run]), (n) => n === 0, 30_000);

    expect(await count('designs.designs WHERE project_id = $1', [kept])).toBe(1);
    expect((await api.get(`/api/simulations/${keptRun}`, owner.token)).body.summary).toBeDefined();
    expect(await telemetryRows([keptRun])).toBeGreaterThan(0);
  });
});

describe('account deletion and data export', () => {
  let alice: { token: string; id: string; email: string };
  let bob: { token: string; id: string; email: string };
  let carol: { token: string; id: string; email: string };
  const p: Record<'solo' | 'handover' | 'shared' | 'bobs' | 'withViewer', string> = { solo: '', handover: '', shared: '', bobs: '', withViewer: '' };
  let soloRun: string;
  let bobsDesign: { id: string; lineageId: string };
  let bobsRun: string;

  beforeAll(async () => {
    [alice, bob, carol] = [await api.signUp('alice@example.com'), await api.signUp('bob@example.com'), await api.signUp('carol@example.com')];
    p.solo = await project('Alice alone', alice.token);
    soloRun = await completedRun((await design(p.solo, alice.token)).id, alice.token);
    p.handover = await project('Hand over to Bob', alice.token);
    await addMember(p.handover, bob.email, 'editor', alice.token);
    await design(p.handover, alice.token, 'Kept design');
    p.shared = await project('Co-owned', alice.token);
    await addMember(p.shared, carol.email, 'owner', alice.token);
    p.bobs = await project('Bob’s', bob.token);
    await addMember(p.bobs, alice.email, 'editor', bob.token);
    bobsDesign = await design(p.bobs, alice.token, 'Alice drew this');
    expect((await api.post(`/api/projects/${p.bobs}/designs`, { lineageId: bobsDesign.lineageId, baseVersion: 1, ...sampleDesign(15) }, bob.token)).status).toBe(201);
    bobsRun = await completedRun(bobsDesign.id, bob.token, 3);
    // Alice (an editor there) and Bob share the run; Alice asks for its report.
    for (const who of [alice, bob]) expect((await api.post(`/api/simulations/${bobsRun}/share-links`, {}, who.token)).status).toBe(201);
    const report = await api.post(`/api/simulations/${bobsRun}/deliverables`, { format: 'html' }, alice.token);
    expect(report.status).toBe(202);
    await eventually(() => api.get(`/api/simulations/${bobsRun}/deliverables/${report.body.id}`, bob.token), (r) => r.body.status === 'ready', 60_000);
    const requirement = { id: 'REQ-0001', statement: 'p99 under 100 ms', tags: ['performance'], scenario: { durationSec: 40, replications: 2, faults: [] }, criteria: [{ metric: 'latencyP99Ms', op: '<', value: 100 }] };
    expect((await api.post(`/api/projects/${p.bobs}/requirements`, requirement, bob.token)).status).toBe(201);
    p.withViewer = await project('Alice with a viewer', alice.token);
    await addMember(p.withViewer, carol.email, 'viewer', alice.token);
  });

  it('lists what deleting the account would do: sole-owned projects and who could take them over', async () => {
    const preview = await api.get('/api/users/me/deletion', alice.token);
    expect(preview.status).toBe(200);
    const byId = new Map(preview.body.projects.map((x: { id: string }) => [x.id, x]));
    expect(byId.get(p.solo)).toMatchObject({ soleOwner: true, members: [] });
    expect(byId.get(p.handover)).toMatchObject({ soleOwner: true, members: [{ userId: bob.id, email: bob.email, role: 'editor' }] });
    expect(byId.get(p.shared)).toMatchObject({ soleOwner: false });
    expect(byId.get(p.bobs)).toMatchObject({ soleOwner: false, role: 'editor' });
  });

  it('refuses bad input with 400s naming the field, and a wrong password with 403; the account stays usable', async () => {
    const missing = await api.call('DELETE', '/api/users/me', { token: alice.token, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('password');
    const wrong = await api.call('DELETE', '/api/users/me', { token: alice.token, body: { password: 'not my password' } });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password' });
    const notMember = await api.call('DELETE', '/api/users/me', { token: alice.token, body: { password: PASSWORD, transferTo: { [p.handover]: carol.id } } });
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.details[0]).toMatchObject({ path: `transferTo.${p.handover}`, code: 'not_a_member' });
    const coOwned = await api.call('DELETE', '/api/users/me', { token: alice.token, body: { password: PASSWORD, transferTo: { [p.shared]: carol.id } } });
    expect(coOwned.status).toBe(400);
    expect(coOwned.body.error.details[0]).toMatchObject({ path: `transferTo.${p.shared}`, code: 'not_sole_owner' });
    const notUuid = await api.call('DELETE', '/api/users/me', { token: alice.token, body: { password: PASSWORD, transferTo: { [p.handover]: 'bob' } } });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.error.details[0].path).toContain('transferTo');
    expect((await login(alice.email)).status).toBe(200);
    expect((await api.get(`/api/projects/${p.solo}`, alice.token)).status).toBe(200);
  });

  it('exports everything of the user as a tar.gz of JSON files', async () => {
    const response = await fetch(`${product.url}/api/users/me/export`, { headers: { authorization: `Bearer ${bob.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/gzip');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="architech-export-\d{4}-\d{2}-\d{2}\.tar\.gz"/);
    const dir = mkdtempSync(join(tmpdir(), 'architech-export-'));
    try {
      writeFileSync(join(dir, 'export.tar.gz'), Buffer.from(await response.arrayBuffer()));
      execFileSync('tar', ['-xzf', 'export.tar.gz'], { cwd: dir });
      const read = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
      expect(read('account.json')).toMatchObject({ id: bob.id, email: bob.email, name: 'bob' });
      expect(read('account.json').passwordHash).toBeUndefined();
      const audit = read('audit.json') as { actorId: string; action: string }[];
      expect(audit.every((e) => e.actorId === bob.id)).toBe(true);
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['user.registered', 'project.created', 'member.added', 'design.version_created', 'requirement.created', 'share_link.created']));
      const times = audit.map((e) => (e as unknown as { at: string }).at);
      expect(times).toEqual([...times].sort());
      const projectDir = `projects/${p.bobs}`;
      expect(read(`${projectDir}/project.json`)).toMatchObject({ id: p.bobs, name: 'Bob’s', role: 'owner', members: [{ userId: alice.id, role: 'editor' }] });
      expect(read(`${projectDir}/requirements.json`)).toEqual([expect.objectContaining({ id: 'REQ-0001' })]);
      const versions = readdirSync(join(dir, projectDir, 'designs', bobsDesign.lineageId)).sort();
      expect(versions).toEqual(['v1.json', 'v2.json']);
      expect(read(`${projectDir}/designs/${bobsDesign.lineageId}/v1.json`).components).toHaveLength(3);
      const run = read(`${projectDir}/runs/${bobsRun}.json`);
      expect(run).toMatchObject({ id: bobsRun, status: 'COMPLETED' });
      expect(run.summary).toBeDefined();
      // The run's reports (what they are, not their bytes) and share links (never a token).
      expect(run.reports).toEqual([expect.objectContaining({ type: 'run-report-html', status: 'ready', downloadCount: 0 })]);
      expect(run.shareLinks.map((l: { createdBy: string }) => l.createdBy).sort()).toEqual([alice.id, bob.id].sort());
      expect(JSON.stringify(run.shareLinks)).not.toMatch(/token|hash/i);
      expect(read(`${projectDir}/check-runs.json`)).toEqual([]);
      // Every project Bob is a member of, and no other.
      expect(readdirSync(join(dir, 'projects')).sort()).toEqual([p.bobs, p.handover].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await api.get('/api/users/me/export')).status).toBe(401);
  });

  it('deletes the account: sole-owned projects deleted or handed over, co-owned ones intact, audit anonymised, login refused', async () => {
    const deleted = await api.call('DELETE', '/api/users/me', { token: alice.token, body: { password: PASSWORD, transferTo: { [p.handover]: bob.id } } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ status: 'deleted', transferredProjects: [{ projectId: p.handover, to: bob.id }] });
    expect(deleted.body.deletedProjects.sort()).toEqual([p.solo, p.withViewer].sort());
    expect(deleted.body.leftProjects.sort()).toEqual([p.shared, p.bobs].sort());

    // Personal data gone from the users service: account, sessions, throttle keys (before the next login attempt makes new ones).
    expect(await count('users.users WHERE id = $1 OR lower(email) = $2', [alice.id, alice.email])).toBe(0);
    expect(await count('users.sessions WHERE user_id = $1', [alice.id])).toBe(0);
    expect(await count(`users.login_throttle WHERE key LIKE '%' || $1 || '%'`, [alice.email])).toBe(0);

    // Login refused, the old token refused (the gateway caches a token's status briefly).
    expect((await login(alice.email)).status).toBe(401);
    await eventually(() => api.get('/api/me', alice.token), (r) => r.status === 401, 15_000);
    // Nowhere is Alice's id still an actor, member or author.
    for (const table of ['users.audit_events', 'projects.audit_events', 'designs.audit_events']) expect(await count(`${table} WHERE actor_id = $1 OR resource_id = $2 OR details::text LIKE '%' || $2 || '%'`, [alice.id, alice.id])).toBe(0);
    expect(await count('projects.project_members WHERE user_id = $1', [alice.id])).toBe(0);
    expect(await count('designs.designs WHERE created_by = $1', [alice.id])).toBe(0);
    expect(await count('simulations.simulations WHERE user_id = $1', [alice.id])).toBe(0);
    expect(await count('simulations.audit_events WHERE actor_id = $1', [alice.id])).toBe(0);
    expect(await count('simulations.share_links WHERE created_by = $1', [alice.id])).toBe(0);
    expect(await count('simulations.deliverables WHERE user_id = $1', [alice.id])).toBe(0);

    // The deletion itself is audited, by the anonymous actor.
    const [event] = await sql<{ actor_id: string; details: { deletedProjects: string[] } }>(`SELECT actor_id, details FROM users.audit_events WHERE action = 'user.deleted'`);
    expect(isDeletedActorId(event.actor_id)).toBe(true);
    expect(event.details.deletedProjects.sort()).toEqual([p.solo, p.withViewer].sort());

    // Sole-owned projects without a transfer: gone with their designs, runs and telemetry.
    for (const id of [p.solo, p.withViewer]) {
      expect(await count('projects.projects WHERE id = $1', [id])).toBe(0);
      expect(await count('designs.designs WHERE project_id = $1', [id])).toBe(0);
      expect(await count('simulations.simulations WHERE project_id = $1', [id])).toBe(0);
      expect((await api.get(`/api/projects/${id}`, carol.token)).status).toBe(404);
    }
    await eventually(() => telemetryRows([soloRun]), (n) => n === 0, 30_000);

    // Handed over: Bob owns it, its design stays, its audit keeps the actions under the anonymous actor.
    expect((await api.get(`/api/projects/${p.handover}`, bob.token)).body.role).toBe('owner');
    expect((await api.get(`/api/projects/${p.handover}/members`, bob.token)).body.members.map((m: { userId: string }) => m.userId)).toEqual([bob.id]);
    expect((await api.get(`/api/projects/${p.handover}/designs`, bob.token)).body.designs).toHaveLength(1);
    const audit = (await api.get(`/api/projects/${p.handover}/audit`, bob.token)).body.events as { actorId: string; action: string }[];
    expect(JSON.stringify(audit)).not.toContain(alice.id);
    const anonymous = audit.find((e) => e.action === 'project.transferred')!.actorId;
    expect(isDeletedActorId(anonymous)).toBe(true);
    expect(audit.filter((e) => ['project.created', 'member.added', 'design.created'].includes(e.action)).every((e) => e.actorId === anonymous)).toBe(true);
    expect(anonymous).toBe(event.actor_id);

    // Co-owned: intact, Carol still owns it, Alice left.
    expect((await api.get(`/api/projects/${p.shared}`, carol.token)).body).toMatchObject({ name: 'Co-owned', role: 'owner' });
    expect((await api.get(`/api/projects/${p.shared}/members`, carol.token)).body.members.map((m: { userId: string }) => m.userId)).toEqual([carol.id]);
    // Bob's project: Alice's design version stays, authored by the anonymous actor.
    const version = (await api.get(`/api/designs/${bobsDesign.id}`, bob.token)).body;
    expect(version.createdBy).toBe(anonymous);
    expect((await api.get(`/api/projects/${p.bobs}/members`, bob.token)).body.members).toHaveLength(1);
    // Her share link and report of Bob's run stay, made by the anonymous actor; the audit keeps her link's making under it.
    const links = (await api.get(`/api/simulations/${bobsRun}/share-links`, bob.token)).body.links as { createdBy: string }[];
    expect(links.map((l) => l.createdBy).sort()).toEqual([anonymous, bob.id].sort());
    expect((await api.get(`/api/simulations/${bobsRun}/deliverables`, bob.token)).body.deliverables).toHaveLength(1);
    const bobsAudit = (await api.get(`/api/projects/${p.bobs}/audit?limit=500`, bob.token)).body.events as { actorId: string; action: string }[];
    expect(bobsAudit.filter((e) => e.action === 'share_link.created').map((e) => e.actorId).sort()).toEqual([anonymous, bob.id].sort());

    // The email is free again: a new account is a new person.
    const again = await api.signUp('alice@example.com');
    expect(again.id).not.toBe(alice.id);
    expect((await api.get('/api/projects', again.token)).body.projects).toEqual([]);
  });
});
