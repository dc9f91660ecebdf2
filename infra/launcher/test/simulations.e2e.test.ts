import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, eventually, type ApiClient } from './support/api-client';
import { createTestDatabase, startLauncher } from './support/processes';

/*
 * Simulations end to end through the gateway on a real PostgreSQL: launch with a fault, live
 * progress over Server-Sent Events, the stored summary, and metrics, traces and logs that agree
 * with it; cancelling, a crashed engine thread, a restart mid-run, bad configurations, and who
 * may launch and read.
 */

jest.setTimeout(180_000);

const threeTier = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', 'three-tier.json'), 'utf8'));

let db: { url: string; drop(): Promise<void> };
let topology: { url: string; stop(): Promise<void>; kill(): Promise<void> };
let api: ApiClient;
let owner: { token: string; id: string };
let viewer: { token: string; id: string };
let stranger: { token: string; id: string };
let designId: string;

const env = () => ({ DATABASE_URL: db.url, RATE_LIMIT_PER_MIN: '0', SIM_HEARTBEAT_TIMEOUT_SEC: '5', SIM_MAX_DURATION_SEC: '7200' });

beforeAll(async () => {
  db = await createTestDatabase('architech_sims');
  topology = await startLauncher(env());
  api = apiClient(topology.url);
  owner = await api.signUp('sim-owner@example.com');
  viewer = await api.signUp('sim-viewer@example.com');
  stranger = await api.signUp('sim-stranger@example.com');
  const project = (await api.post('/api/projects', { name: 'Sims' }, owner.token)).body;
  await api.post(`/api/projects/${project.id}/members`, { email: 'sim-viewer@example.com', role: 'viewer' }, owner.token);
  const saved = await api.post(`/api/projects/${project.id}/designs`, { name: 'Three tier', components: threeTier.components, connections: threeTier.connections }, owner.token);
  expect(saved.status).toBe(201);
  designId = saved.body.id;
});

afterAll(async () => {
  await topology?.stop();
  await db?.drop();
});

/** Reads the SSE stream of a simulation until it ends; returns every status event. */
async function followEvents(id: string, token: string): Promise<{ status: string; progress: number }[]> {
  const response = await fetch(`${topology.url}/api/simulations/${id}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: status'))
    .map((block) => JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
}

async function waitForStatus(id: string, wanted: string[], timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const sim = await api.get(`/api/simulations/${id}`, owner.token);
    if (wanted.includes(sim.body.status)) return sim.body;
    if (Date.now() > until) throw new Error(`simulation ${id} is ${sim.body.status}, not ${wanted.join('/')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}


describe('a simulation with a crash fault', () => {
  let simulationId: string;
  let summary: any;

  it('is accepted (202), streams progress over SSE to 100%, and completes with its summary stored', async () => {
    const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 120, seed: 7, faults: [{ type: 'crash', target: 'db', startSec: 30, durationSec: 20 }], tracing: { sampleRate: 0.05, maxTraces: 300, slowest: 10, maxLogs: 2000 } }, owner.token);
    expect(launched.status).toBe(202);
    expect(launched.body).toEqual({ id: expect.any(String), status: 'PENDING' });
    simulationId = launched.body.id;
    const events = await followEvents(simulationId, owner.token);
    expect(events[events.length - 1].status).toBe('COMPLETED');
    const progress = events.map((e) => e.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
    const sim = await api.get(`/api/simulations/${simulationId}`, owner.token);
    expect(sim.body).toMatchObject({ id: simulationId, designId, status: 'COMPLETED', progress: 1, telemetryComplete: expect.any(Boolean) });
    summary = sim.body.summary;
    expect(summary.endToEnd.errorRate).toBeGreaterThan(0.05);
    expect(summary.components.db.errors).toBeGreaterThan(0);
    const list = await api.get(`/api/designs/${designId}/simulations`, viewer.token);
    expect(list.body.simulations[0]).toMatchObject({ id: simulationId, status: 'COMPLETED' });
  });

  it('says when its telemetry has fully landed, and then has per-second metrics that add up to the summary, with errors inside the fault window', async () => {
    const landed = await eventually(() => api.get(`/api/simulations/${simulationId}`, owner.token), (r) => r.body.telemetryComplete === true);
    expect(Date.parse(landed.body.telemetryCompleteAt)).toBeGreaterThan(0);
    // No waiting from here on: telemetryComplete promises every final batch is stored.
    const completions = await api.get(`/api/simulations/${simulationId}/metrics?metric=completions&component=_end_to_end&maxPoints=1000`, owner.token);
    expect(completions.body.series[0].points).toHaveLength(120);
    const total = completions.body.series[0].points.reduce((sum: number, p: { value: number }) => sum + p.value, 0);
    expect(total).toBe(summary.endToEnd.completions);
    const errors = (await api.get(`/api/simulations/${simulationId}/metrics?metric=errors&component=db`, owner.token)).body.series[0].points;
    const inWindow = errors.filter((p: { timeSec: number }) => p.timeSec >= 30 && p.timeSec < 50).reduce((s: number, p: { value: number }) => s + p.value, 0);
    const outside = errors.filter((p: { timeSec: number }) => p.timeSec < 29 || p.timeSec >= 51).reduce((s: number, p: { value: number }) => s + p.value, 0);
    expect(inWindow).toBeGreaterThan(100);
    expect(outside).toBe(0);
    const downsampled = (await api.get(`/api/simulations/${simulationId}/metrics?metric=throughput&maxPoints=12`, owner.token)).body.series;
    expect(downsampled.length).toBeGreaterThan(3);
    for (const series of downsampled) expect(series.points.length).toBeLessThanOrEqual(12);
  });

  it('has an errored trace whose spans form one tree, and a log that finds the crash', async () => {
    const traces = await api.get(`/api/simulations/${simulationId}/traces?status=ERROR&limit=5`, owner.token);
    expect(traces.body.total).toBeGreaterThan(0);
    const trace = (await api.get(`/api/simulations/${simulationId}/traces/${traces.body.traces[0].traceId}`, owner.token)).body;
    const ids = new Set(trace.spans.map((s: { spanId: string }) => s.spanId));
    expect(trace.spans.filter((s: { parentSpanId: string | null }) => s.parentSpanId === null)).toHaveLength(1);
    expect(trace.spans.every((s: { parentSpanId: string | null }) => s.parentSpanId === null || ids.has(s.parentSpanId))).toBe(true);
    const logs = await api.get(`/api/simulations/${simulationId}/logs?q=crash&component=db`, owner.token);
    expect(logs.body.total).toBeGreaterThan(0);
    expect(logs.body.logs[0]).toMatchObject({ event: 'fault_start', componentId: 'db', timeMs: 30_000 });
  });

  it('is readable by a viewer and hidden from a stranger', async () => {
    expect((await api.get(`/api/simulations/${simulationId}`, viewer.token)).status).toBe(200);
    expect((await api.get(`/api/simulations/${simulationId}`, stranger.token)).status).toBe(404);
    expect((await api.get(`/api/simulations/${simulationId}/metrics?metric=throughput`, stranger.token)).status).toBe(404);
    expect((await api.get(`/api/simulations/${simulationId}/logs`, stranger.token)).status).toBe(404);
  });
});

describe('launching', () => {
  it('refuses a viewer (403) and a stranger (404)', async () => {
    expect((await api.post(`/api/designs/${designId}/simulations`, { durationSec: 10 }, viewer.token)).status).toBe(403);
    expect((await api.post(`/api/designs/${designId}/simulations`, { durationSec: 10 }, stranger.token)).status).toBe(404);
  });

  it('names the field of an invalid configuration (400)', async () => {
    const negative = await api.post(`/api/designs/${designId}/simulations`, { durationSec: -1 }, owner.token);
    expect(negative.status).toBe(400);
    expect(negative.body.error.details[0].path).toBe('durationSec');
    const badFault = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 10, faults: [{ type: 'crash', target: 'nowhere', startSec: 1 }] }, owner.token);
    expect(badFault.body.error.details[0]).toMatchObject({ path: 'faults[0].target', code: 'unknown_target' });
    const tooLong = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 8000 }, owner.token);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('durationSec');
  });
});

describe('limits', () => {
  it('refuses a launch beyond the active simulations a user may have (429)', async () => {
    const other = await createTestDatabase('architech_sims_quota');
    const quota = await startLauncher({ DATABASE_URL: other.url, RATE_LIMIT_PER_MIN: '0', SIM_MAX_ACTIVE_PER_USER: '1', SIM_WORKERS: '0' });
    try {
      const client = apiClient(quota.url);
      const user = await client.signUp('quota@example.com');
      const project = (await client.post('/api/projects', { name: 'Q' }, user.token)).body;
      const design = (await client.post(`/api/projects/${project.id}/designs`, { name: 'T', components: threeTier.components, connections: threeTier.connections }, user.token)).body;
      expect((await client.post(`/api/designs/${design.id}/simulations`, { durationSec: 10 }, user.token)).status).toBe(202);
      const second = await client.post(`/api/designs/${design.id}/simulations`, { durationSec: 10 }, user.token);
      expect(second.status).toBe(429);
      expect(second.body.error.code).toBe('too_many_simulations');
    } finally {
      await quota.stop();
      await other.drop();
    }
  });
});

describe('a long run', () => {
  it('streams live series while it runs, then stops on cancel and is marked CANCELLED', async () => {
    const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 7200, replications: 5 }, owner.token);
    await waitForStatus(launched.body.id, ['RUNNING']);
    const live = await eventually(
      () => api.get(`/api/simulations/${launched.body.id}/metrics?metric=arrivals&component=_end_to_end`, owner.token),
      (r) => r.status === 200 && r.body.series.length === 1 && r.body.series[0].points.length > 0,
    );
    expect((await api.get(`/api/simulations/${launched.body.id}`, owner.token)).body.status).toBe('RUNNING');
    expect(live.body.series[0].points[0]).toEqual({ timeSec: 0, value: expect.any(Number) });
    const cancelled = await api.delete(`/api/simulations/${launched.body.id}`, owner.token);
    expect(cancelled.status).toBe(200);
    const final = await waitForStatus(launched.body.id, ['CANCELLED', 'COMPLETED', 'FAILED'], 30_000);
    expect(final.status).toBe('CANCELLED');
    expect(final).toMatchObject({ telemetryComplete: false, telemetryCompleteAt: null });
  });
});

describe('failures', () => {
  it('marks a simulation FAILED with the reason when its engine thread dies', async () => {
    const other = await createTestDatabase('architech_sims_oom');
    const small = await startLauncher({ DATABASE_URL: other.url, RATE_LIMIT_PER_MIN: '0', SIM_WORKER_MEMORY_MB: '16' });
    try {
      const client = apiClient(small.url);
      const user = await client.signUp('oom@example.com');
      const project = (await client.post('/api/projects', { name: 'OOM' }, user.token)).body;
      const design = (await client.post(`/api/projects/${project.id}/designs`, { name: 'T', components: threeTier.components, connections: threeTier.connections }, user.token)).body;
      const launched = await client.post(`/api/designs/${design.id}/simulations`, { durationSec: 3600, tracing: { sampleRate: 1, maxTraces: 5000, slowest: 1000, maxLogs: 50000 } }, user.token);
      const final = await eventually(() => client.get(`/api/simulations/${launched.body.id}`, user.token), (r) => ['FAILED', 'COMPLETED'].includes(r.body.status), 120_000);
      expect(final.body.status).toBe('FAILED');
      expect(final.body.error).toMatch(/engine thread died/);
    } finally {
      await small.stop();
      await other.drop();
    }
  });

  it('resumes a simulation that was running when the service stopped cleanly', async () => {
    const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 600, replications: 3 }, owner.token);
    await waitForStatus(launched.body.id, ['RUNNING']);
    await topology.stop();
    topology = await startLauncher(env());
    api = apiClient(topology.url);
    const final = await waitForStatus(launched.body.id, ['FAILED', 'COMPLETED', 'CANCELLED'], 90_000);
    expect(final.status).toBe('COMPLETED');
    expect(final.summary.endToEnd.throughput).toBeGreaterThan(0);
  });

  it('fails, after the heartbeat timeout, a simulation whose service was killed mid-run', async () => {
    const launched = await api.post(`/api/designs/${designId}/simulations`, { durationSec: 7200, replications: 10 }, owner.token);
    await waitForStatus(launched.body.id, ['RUNNING']);
    await topology.kill();
    topology = await startLauncher(env());
    api = apiClient(topology.url);
    const final = await waitForStatus(launched.body.id, ['FAILED', 'COMPLETED', 'CANCELLED'], 60_000);
    expect(final.status).toBe('FAILED');
    expect(final.error).toMatch(/stopped reporting/);
  });
});
