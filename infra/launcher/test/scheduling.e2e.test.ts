import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, eventually, sampleDesign, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Engine scheduling through the gateway on PostgreSQL (issue 13, items 8 and 14), with one engine
 * thread: a queued run stays PENDING (no startedAt) with its queue position until a thread takes
 * it, survives a kill -9 and runs after the restart; users are served in turn, so another user's
 * run is not queued behind all of one user's runs; and SIM_MAX_WALL_SEC fails a run that takes too
 * long, with the reason.
 */

jest.setTimeout(240_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'three-tier.json'), 'utf8'));
const env = () => ({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', SIM_WORKERS: '1', SIM_MAX_WALL_SEC: '3', SIM_HEARTBEAT_TIMEOUT_SEC: '5', SIM_MAX_DURATION_SEC: '7200', SIM_MAX_ACTIVE_PER_USER: '5' });

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void>; kill(): Promise<void> };
let api: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase('architech_scheduling');
  topology = await startLauncher(env());
  api = apiClient(topology.url);
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});


it('keeps queued runs PENDING with their place, serves users in turn, re-queues them after kill -9, and fails a run over SIM_MAX_WALL_SEC', async () => {
  const alice = await api.signUp('alice-sched@example.com');
  const bob = await api.signUp('bob-sched@example.com');
  const designOf = async (user: { token: string }, components: unknown, connections: unknown) => {
    const project = (await api.post('/api/projects', { name: 'Sched' }, user.token)).body;
    return (await api.post(`/api/projects/${project.id}/designs`, { name: 'D', components, connections }, user.token)).body.id as string;
  };
  const aliceDesign = await designOf(alice, threeTier.components, threeTier.connections);
  const small = sampleDesign();
  const bobDesign = await designOf(bob, small.components, small.connections);
  const long = { durationSec: 7200, replications: 10 };
  const aliceRuns: string[] = [];
  for (let i = 0; i < 3; i++) aliceRuns.push((await api.post(`/api/designs/${aliceDesign}/simulations`, long, alice.token)).body.id);
  const get = (id: string, token: string) => api.get(`/api/simulations/${id}`, token).then((r) => r.body);
  const states = () => Promise.all(aliceRuns.map((id) => get(id, alice.token)));

  // One engine thread: exactly one run RUNNING; the others PENDING, not started, with their places.
  const first = await eventually(states, (s) => s.some((r) => r.status === 'RUNNING') && s.filter((r) => r.status === 'PENDING' && r.queuePosition).length === 2);
  expect(first.filter((r) => r.status === 'RUNNING')).toHaveLength(1);
  const waiting = first.filter((r) => r.status === 'PENDING');
  expect(waiting.map((r) => r.startedAt)).toEqual([null, null]);
  expect(waiting.map((r) => r.queuePosition).sort()).toEqual([1, 2]);

  // Bob's short run is not queued behind all of Alice's: users are served in turn.
  const bobRun = (await api.post(`/api/designs/${bobDesign}/simulations`, { durationSec: 5 }, bob.token)).body.id as string;
  const bobQueued = await eventually(() => get(bobRun, bob.token), (r) => r.status === 'PENDING' && r.queuePosition !== undefined);
  expect(bobQueued.queuePosition).toBe(2);
  expect(bobQueued.startedAt).toBeNull();

  // kill -9: the running run fails once its heartbeat is stale; the queued ones stay PENDING and run after the restart.
  const running = first.find((r) => r.status === 'RUNNING').id as string;
  await topology.kill();
  topology = await startLauncher(env());
  api = apiClient(topology.url);
  const bobDone = await eventually(() => get(bobRun, bob.token), (r) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status), 120_000);
  expect(bobDone.status).toBe('COMPLETED');
  const finals = await eventually(states, (s) => s.every((r) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status)), 120_000);
  for (const run of finals) {
    if (run.id === running) {
      expect(run).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/stopped reporting/) });
    } else {
      // Queued at the kill: re-queued, then stopped by the wall-clock limit with the reason.
      expect(run).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/wall_clock_limit: .*SIM_MAX_WALL_SEC = 3 s/) });
      expect(run.startedAt).not.toBeNull();
    }
  }
});
