import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, sampleDesign } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * The per-user active-simulation quota under real concurrent launches (issue 13, item 3): of ten
 * launches sent at once by one user with a limit of three, exactly three are accepted; the others
 * get 429 `too_many_simulations` with Retry-After. On PostgreSQL and on embedded PGlite.
 */

jest.setTimeout(180_000);

const topologies: [string, () => Promise<{ url: string; stop(): Promise<void>; cleanup(): Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('architech_quota');
      const topology = await startLauncher({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', SIM_WORKERS: '0', SIM_MAX_ACTIVE_PER_USER: '3' });
      return { ...topology, cleanup: () => db.drop() };
    },
  ],
  [
    'PGlite',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'architech-quota-'));
      const topology = await startLauncher({ DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0', SIM_WORKERS: '0', SIM_MAX_ACTIVE_PER_USER: '3' });
      return { ...topology, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  ],
];

describe.each(topologies)('the active-simulation quota on %s', (_name, start) => {
  let topology: Awaited<ReturnType<(typeof topologies)[0][1]>>;
  beforeAll(async () => {
    topology = await start();
  });
  afterAll(async () => {
    await topology?.stop();
    await topology?.cleanup();
  });

  it('accepts exactly the limit of ten concurrent launches, refusing the rest with 429 and Retry-After', async () => {
    const api = apiClient(topology.url);
    const rounds = [];
    for (const round of [1, 2]) {
      const user = await api.signUp(`quota${round}@example.com`);
      const project = (await api.post('/api/projects', { name: `Q${round}` }, user.token)).body;
      const design = (await api.post(`/api/projects/${project.id}/designs`, { name: 'D', ...sampleDesign() }, user.token)).body;
      const answers = await Promise.all(Array.from({ length: 10 }, () => api.post(`/api/designs/${design.id}/simulations`, { durationSec: 10 }, user.token)));
      rounds.push(answers);
    }
    for (const answers of rounds) {
      expect(answers.filter((a) => a.status === 202)).toHaveLength(3);
      const refused = answers.filter((a) => a.status !== 202);
      expect(refused).toHaveLength(7);
      for (const r of refused) {
        expect(r.status).toBe(429);
        expect(r.body.error).toMatchObject({ code: 'too_many_simulations', details: { limit: 3, active: 3, retryAfterSec: expect.any(Number) } });
        expect(Number(r.headers.get('retry-after'))).toBe(r.body.error.details.retryAfterSec);
      }
    }
  });
});
