import jwt from 'jsonwebtoken';
import { apiClient, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher, TEST_ENV } from './support/processes';

/*
 * Authorization end to end: every route of the public API called by an owner, an editor, a viewer
 * and a stranger (and with no, an expired or a forged token), through the gateway of the launcher
 * on a PostgreSQL database created for this suite and dropped after it.
 */

jest.setTimeout(120_000);

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase('architech_authz');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

describe('authorization on every route', () => {
  type Role = 'owner' | 'editor' | 'viewer' | 'stranger';
  const people: Record<Role, { token: string; id: string }> = {} as never;
  let projectId: string;
  let designId: string;
  let lineageId: string;
  let previousId: string;
  let expiredToken: string;

  beforeAll(async () => {
    for (const role of ['owner', 'editor', 'viewer', 'stranger'] as Role[]) people[role] = await api.signUp(`${role}-matrix@example.com`);
    projectId = (await api.post('/api/projects', { name: 'Matrix' }, people.owner.token)).body.id;
    for (const role of ['editor', 'viewer'] as const) {
      const added = await api.post(`/api/projects/${projectId}/members`, { email: `${role}-matrix@example.com`, role }, people.owner.token);
      expect(added.status).toBe(201);
    }
    const v1 = await api.post(`/api/projects/${projectId}/designs`, { name: 'D', ...sampleDesign() }, people.owner.token);
    previousId = v1.body.id;
    lineageId = v1.body.lineageId;
    designId = (await api.post(`/api/projects/${projectId}/designs`, { lineageId, baseVersion: 1, ...sampleDesign(9) }, people.owner.token)).body.id;
    expiredToken = jwt.sign({ email: 'owner-matrix@example.com' }, TEST_ENV.JWT_SECRET, { subject: people.owner.id, issuer: 'architech', expiresIn: -1 });
  });

  const fresh = async () => (await api.signUp(`extra-${Math.random().toString(36).slice(2)}@example.com`)).id;
  const freshEmail = async () => {
    const email = `member-${Math.random().toString(36).slice(2)}@example.com`;
    await api.signUp(email);
    return email;
  };

  /** Each route with the status every kind of caller must get. */
  const routes: { name: string; expect: Record<Role, number>; run: (token: string | undefined) => Promise<number> }[] = [
    { name: 'GET project', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/projects/${projectId}`, t)).status },
    { name: 'PATCH project', expect: { owner: 200, editor: 200, viewer: 403, stranger: 404 }, run: async (t) => (await api.patch(`/api/projects/${projectId}`, { description: 'x' }, t)).status },
    { name: 'GET members', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/projects/${projectId}/members`, t)).status },
    { name: 'POST member', expect: { owner: 201, editor: 403, viewer: 403, stranger: 404 }, run: async (t) => (await api.post(`/api/projects/${projectId}/members`, { email: await freshEmail(), role: 'viewer' }, t)).status },
    {
      name: 'PATCH member',
      expect: { owner: 200, editor: 403, viewer: 403, stranger: 404 },
      run: async (t) => {
        const email = await freshEmail();
        const added = await api.post(`/api/projects/${projectId}/members`, { email, role: 'viewer' }, people.owner.token);
        return (await api.patch(`/api/projects/${projectId}/members/${added.body.userId}`, { role: 'editor' }, t)).status;
      },
    },
    {
      name: 'DELETE member',
      expect: { owner: 204, editor: 403, viewer: 403, stranger: 404 },
      run: async (t) => {
        const email = await freshEmail();
        const added = await api.post(`/api/projects/${projectId}/members`, { email, role: 'viewer' }, people.owner.token);
        return (await api.delete(`/api/projects/${projectId}/members/${added.body.userId}`, t)).status;
      },
    },
    { name: 'GET audit', expect: { owner: 200, editor: 403, viewer: 403, stranger: 404 }, run: async (t) => (await api.get(`/api/projects/${projectId}/audit`, t)).status },
    { name: 'GET designs', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/projects/${projectId}/designs`, t)).status },
    { name: 'POST design', expect: { owner: 201, editor: 201, viewer: 403, stranger: 404 }, run: async (t) => (await api.post(`/api/projects/${projectId}/designs`, { name: 'N', ...sampleDesign() }, t)).status },
    { name: 'GET design', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/designs/${designId}`, t)).status },
    { name: 'GET versions', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/designs/${designId}/versions`, t)).status },
    { name: 'GET diff', expect: { owner: 200, editor: 200, viewer: 200, stranger: 404 }, run: async (t) => (await api.get(`/api/designs/${designId}/diff?against=${previousId}`, t)).status },
    {
      name: 'DELETE project',
      expect: { owner: 204, editor: 403, viewer: 403, stranger: 404 },
      run: async (t) => {
        const other = (await api.post('/api/projects', { name: 'Doomed' }, people.owner.token)).body.id;
        for (const role of ['editor', 'viewer'] as const) await api.post(`/api/projects/${other}/members`, { email: `${role}-matrix@example.com`, role }, people.owner.token);
        return (await api.delete(`/api/projects/${other}`, t)).status;
      },
    },
  ];

  for (const route of routes) {
    it(`${route.name}: ${Object.entries(route.expect).map(([r, s]) => `${r} ${s}`).join(', ')}, no token 401, expired token 401`, async () => {
      const seen: Record<string, number> = {};
      for (const role of Object.keys(route.expect) as Role[]) seen[role] = await route.run(people[role].token);
      seen.none = await route.run(undefined);
      seen.expired = await route.run(expiredToken);
      expect(seen).toEqual({ ...route.expect, none: 401, expired: 401 });
    });
  }

  it('never lets the last owner leave or be demoted', async () => {
    const leave = await api.delete(`/api/projects/${projectId}/members/${people.owner.id}`, people.owner.token);
    expect(leave.status).toBe(409);
    const demote = await api.patch(`/api/projects/${projectId}/members/${people.owner.id}`, { role: 'editor' }, people.owner.token);
    expect(demote.status).toBe(409);
    void fresh;
  });
});
