import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDesign } from '@architech/contracts';
import { apiClient, eventually, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * POST /api/projects/:id/imports end to end: through the gateway to the designs service, stored as
 * version 1 of a new design, then simulated like any other design.
 */

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '..', '..', '..', 'packages', 'iac-import', 'test', 'fixtures');
const fixture = (path: string) => ({ path, text: readFileSync(join(FIXTURES, path), 'utf8') });

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;
let owner: { token: string };
let projectId: string;

beforeAll(async () => {
  db = await createTestDatabase('architech_imports');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
  owner = await api.signUp('importer@example.com');
  projectId = (await api.post('/api/projects', { name: 'Imported' }, owner.token)).body.id;
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

describe('POST /api/projects/:id/imports', () => {
  it('imports a compose file into version 1 of a new design, with assumptions, and the design runs', async () => {
    const answer = await api.post(`/api/projects/${projectId}/imports`, { files: [fixture('compose/shop.compose.yml')] }, owner.token);
    expect(answer.status).toBe(201);
    expect(answer.body.design).toMatchObject({ projectId, version: 1, isLatest: true, name: 'shop.compose.yml' });
    expect(answer.body.design.components).toHaveLength(11);
    expect(validateDesign({ components: answer.body.design.components, connections: answer.body.design.connections }).ok).toBe(true);
    expect(answer.body.assumptions).toEqual(expect.arrayContaining([{ message: 'api → payments: environment PAYMENTS_URL names payments', file: 'compose/shop.compose.yml', line: 23 }]));
    expect(answer.body.metadata).toMatchObject({ originalFormat: 'compose', complexity: 'medium', resourceCount: 10 });
    expect(JSON.stringify(answer.body)).not.toContain('hunter2');

    const stored = await api.get(`/api/designs/${answer.body.design.id}`, owner.token);
    expect(stored.body.components.map((c: { id: string }) => c.id)).toEqual(answer.body.design.components.map((c: { id: string }) => c.id));
    const run = await api.post(`/api/designs/${answer.body.design.id}/simulations`, { durationSec: 5 }, owner.token);
    expect(run.status).toBe(202);
    const done = await eventually(() => api.get(`/api/simulations/${run.body.id}`, owner.token), (r) => ['COMPLETED', 'FAILED'].includes(r.body.status), 60_000);
    expect(done.body.status).toBe('COMPLETED');
  });

  it('imports Terraform through the HCL parser', async () => {
    const answer = await api.post(`/api/projects/${projectId}/imports`, { name: 'Shop on AWS', files: [fixture('terraform-aws/main.tf')] }, owner.token);
    expect(answer.status).toBe(201);
    expect(answer.body.design.name).toBe('Shop on AWS');
    expect(answer.body.metadata.servicesUsed).toContain('Amazon ECS');
  });

  it('answers 400 naming the file and line of a file it cannot import', async () => {
    const broken = await api.post(`/api/projects/${projectId}/imports`, { files: [fixture('compose/shop.compose.yml'), { path: 'bad.tf', text: 'resource "aws_lb" "x" {\n  name = \n}\n' }] }, owner.token);
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('validation_failed');
    expect(broken.body.error.details).toEqual([expect.objectContaining({ path: 'files[1]', code: 'unknown_format', message: expect.stringMatching(/^bad\.tf:1: looks like terraform/) })]);
    const hcl = await api.post(`/api/projects/${projectId}/imports`, { files: [{ path: 'bad.tf', text: 'resource "aws_lb" "x" {\n  name = \n}\n' }] }, owner.token);
    expect(hcl.body.error.details).toEqual([{ path: 'files[0]', code: 'parse_error', message: expect.stringMatching(/^bad\.tf:2: HCL: Invalid expression/) }]);
  });

  it('validates the request: fields named, limits enforced, access checked', async () => {
    const bad = await api.post(`/api/projects/${projectId}/imports`, { files: [], format: 'helm', extra: 1 }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['', 'files', 'format']);
    const big = await api.post(`/api/projects/${projectId}/imports`, { files: [{ path: 'a.yaml', text: 'x'.repeat(1_000_001) }] }, owner.token);
    expect(big.status).toBe(400);
    expect(big.body.error.details[0].path).toBe('files[0].text');
    const stranger = await api.signUp('stranger@example.com');
    expect((await api.post(`/api/projects/${projectId}/imports`, { files: [fixture('compose/shop.compose.yml')] }, stranger.token)).status).toBe(404);
    expect((await api.post(`/api/projects/${projectId}/imports`, { files: [fixture('compose/shop.compose.yml')] })).status).toBe(401);
  });
});
