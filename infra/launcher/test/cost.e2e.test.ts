import { apiClient, eventually, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Providers and cost end to end on a real PostgreSQL: a project's provider scope and price
 * overrides (PATCH, validated, 400 naming the field), a run of a design with provider blocks whose
 * stored result carries its cost, and a second run priced with the project's overrides.
 */

jest.setTimeout(180_000);

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void> };
let api: ApiClient;
let owner: { token: string };
let viewer: { token: string };
let projectId: string;

const design = {
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
    { id: 'api', type: 'SERVICE', properties: { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 10 }, provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } },
    { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'exponential', mean: 5 } } },
  ],
  connections: [
    { id: 'c1', source: 'users', target: 'api' },
    { id: 'c2', source: 'api', target: 'db' },
  ],
};

beforeAll(async () => {
  db = await createTestDatabase('architech_cost');
  topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0' });
  api = apiClient(topology.url);
  owner = await api.signUp('cost-owner@example.com');
  viewer = await api.signUp('cost-viewer@example.com');
  const project = await api.post('/api/projects', { name: 'Costs', provider: 'aws' }, owner.token);
  expect(project.body).toMatchObject({ provider: 'aws', priceOverrides: [] });
  projectId = project.body.id;
  await api.post(`/api/projects/${projectId}/members`, { email: 'cost-viewer@example.com', role: 'viewer' }, owner.token);
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

async function runToCompletion(designId: string): Promise<any> {
  const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 120, warmupSec: 20, seed: 5 }, owner.token);
  expect(launched.status).toBe(202);
  return (await eventually(() => api.get(`/api/simulations/${launched.body.id}`, owner.token), (r) => ['COMPLETED', 'FAILED'].includes(r.body.status), 120_000)).body;
}

describe('a project’s provider scope and price overrides', () => {
  it('are edited with PATCH and read back; bad values are 400 naming the field; viewers may not', async () => {
    const scoped = await api.patch(`/api/projects/${projectId}`, { provider: 'gcp' }, owner.token);
    expect(scoped.status).toBe(200);
    expect((await api.get(`/api/projects/${projectId}`, viewer.token)).body.provider).toBe('gcp');
    await api.patch(`/api/projects/${projectId}`, { provider: 'aws' }, owner.token);

    const badScope = await api.patch(`/api/projects/${projectId}`, { provider: 'oracle' }, owner.token);
    expect(badScope.status).toBe(400);
    expect(badScope.body.error).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ path: 'provider' })] });
    const badSku = await api.patch(`/api/projects/${projectId}`, { priceOverrides: [{ provider: 'aws', service: 'ec2', sku: 'm99.huge', unit: 'instance-hour', price: 1 }] }, owner.token);
    expect(badSku.status).toBe(400);
    expect(badSku.body.error.details).toEqual([expect.objectContaining({ path: 'priceOverrides[0].sku', message: expect.stringContaining('m6i.large') })]);
    const badPrice = await api.patch(`/api/projects/${projectId}`, { priceOverrides: [{ provider: 'aws', service: 'ec2', unit: 'instance-hour', price: 'cheap' }] }, owner.token);
    expect(badPrice.status).toBe(400);
    expect(badPrice.body.error.details[0].path).toBe('priceOverrides[0].price');
    expect((await api.patch(`/api/projects/${projectId}`, { provider: 'azure' }, viewer.token)).status).toBe(403);
  });
});

describe('the cost of a run', () => {
  it('is stored with the result at list prices, then at the project’s override', async () => {
    const designId = (await api.post(`/api/projects/${projectId}/designs`, { name: 'Priced', ...design }, owner.token)).body.id;
    const listed = await runToCompletion(designId);
    expect(listed.status).toBe('COMPLETED');
    expect(listed.cost).toMatchObject({ currency: 'USD', windowSec: 100, unpriced: ['db'], overrides: 0 });
    // 2 × m6i.large ($0.096 per hour) for the 100 s window.
    expect(listed.cost.components.api.instance).toBeCloseTo((2 * 100 * 0.096) / 3600, 9);
    expect(listed.cost.monthly).toBeCloseTo(listed.cost.total * 730 * 36, 6);
    expect(listed.cost.perMillionSuccessful).toBeCloseTo((listed.cost.total / listed.summary.endToEnd.completions) * 1e6, 6);

    const set = await api.patch(`/api/projects/${projectId}`, { priceOverrides: [{ provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.048 }] }, owner.token);
    expect(set.status).toBe(200);
    expect(set.body.priceOverrides).toHaveLength(1);
    const overridden = await runToCompletion(designId);
    expect(overridden.cost.overrides).toBe(1);
    expect(overridden.cost.components.api.instance).toBeCloseTo((2 * 100 * 0.048) / 3600, 9);
  });

  it('is absent for a design without provider blocks', async () => {
    const plain = { ...design, components: design.components.map((c) => ({ ...c, properties: { ...c.properties, provider: undefined } })) };
    const designId = (await api.post(`/api/projects/${projectId}/designs`, { name: 'Plain', ...JSON.parse(JSON.stringify(plain)) }, owner.token)).body.id;
    const run = await runToCompletion(designId);
    expect(run.status).toBe('COMPLETED');
    expect(run.cost).toBeUndefined();
  });
});
