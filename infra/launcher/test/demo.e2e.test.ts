import { apiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/* `npm run demo`: a newcomer gets an account, a project, a design and completed simulations at once. */

jest.setTimeout(180_000);

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the demo seed', () => {
  it('seeds the demo account, project, design and two completed runs, once', async () => {
    const database = await createTestDatabase('demo_seed');
    try {
      let topology = await startLauncher({ DATABASE_URL: database.url, RATE_LIMIT_PER_MIN: '0', ARCHITECH_DEMO: '1' });
      try {
        await until(() => /Demo ready/.test(topology.output()), 120_000);
        expect(topology.output()).toMatch(/log in at \S+\/login as demo@architech\.local \/ architech-demo/);
        const api = apiClient(topology.url);
        const login = await api.post('/api/auth/login', { email: 'demo@architech.local', password: 'architech-demo' });
        expect(login.status).toBe(200);
        const token = login.body.accessToken as string;
        const projects = (await api.get('/api/projects', token)).body.projects;
        expect(projects).toHaveLength(1);
        const designs = (await api.get(`/api/projects/${projects[0].id}/designs`, token)).body.designs;
        expect(designs.map((d: { name: string }) => d.name)).toEqual(['Three-tier web application']);
        const sims = (await api.get(`/api/designs/${designs[0].id}/simulations`, token)).body.simulations;
        expect(sims.map((s: { status: string }) => s.status)).toEqual(['COMPLETED', 'COMPLETED']);
        const [crash, baseline] = sims;
        expect(crash.configuration.faults.map((f: { type: string }) => f.type)).toEqual(['crash', 'latency']);
        expect(crash.summary.endToEnd.errorRate).toBeGreaterThan(baseline.summary.endToEnd.errorRate);
      } finally {
        await topology.stop();
      }
      // Seeding again finds the demo and adds nothing.
      topology = await startLauncher({ DATABASE_URL: database.url, RATE_LIMIT_PER_MIN: '0', ARCHITECH_DEMO: '1' });
      try {
        await until(() => /Demo already seeded/.test(topology.output()), 60_000);
        const api = apiClient(topology.url);
        const token = (await api.post('/api/auth/login', { email: 'demo@architech.local', password: 'architech-demo' })).body.accessToken;
        expect((await api.get('/api/projects', token)).body.projects).toHaveLength(1);
      } finally {
        await topology.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
