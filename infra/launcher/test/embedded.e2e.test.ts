import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, sampleDesign } from './support/api-client';
import { startLauncher } from './support/processes';

/* The same flow on embedded PGlite (no DATABASE_URL), including a restart that keeps the data. */

jest.setTimeout(180_000);

describe('the embedded topology on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'architech-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('registers, saves versions, rejects a stale save, and keeps everything across a restart', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MIN: '0' };
    let topology = await startLauncher(env);
    let api = apiClient(topology.url);
    let designId: string;
    try {
      const user = await api.signUp('pglite@example.com');
      const project = (await api.post('/api/projects', { name: 'Embedded' }, user.token)).body;
      const v1 = (await api.post(`/api/projects/${project.id}/designs`, { name: 'E', ...sampleDesign() }, user.token)).body;
      const [a, b] = await Promise.all([17, 18].map((mean) => api.post(`/api/projects/${project.id}/designs`, { lineageId: v1.lineageId, baseVersion: 1, ...sampleDesign(mean) }, user.token)));
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      designId = (a.status === 201 ? a : b).body.id;
      const diff = await api.get(`/api/designs/${designId}/diff?against=${v1.id}`, user.token);
      expect(diff.body.components.changed.map((c: { after: { id: string } }) => c.after.id)).toEqual(['api']);
    } finally {
      await topology.stop();
    }
    topology = await startLauncher(env);
    api = apiClient(topology.url);
    try {
      const login = await api.post('/api/auth/login', { email: 'pglite@example.com', password: 'correct horse battery' });
      expect(login.status).toBe(200);
      const design = await api.get(`/api/designs/${designId}`, login.body.accessToken);
      expect(design.body).toMatchObject({ version: 2, isLatest: true });
    } finally {
      await topology.stop();
    }
  });
});
