import { decodeTelemetryExpired } from '@architech/contracts';
import type { Clock, EventBus, MetricStore, OutgoingMessage, Timer, TraceStore } from '@architech/service-kit';
import { RUNS_PER_STEP, TelemetryRetention } from '../src/jobs/telemetry-retention';
import type { PeersRepository } from '../src/repositories/peers.repository';

/* The retention job with a clock it is given, the simulations service's answer in memory, and stores that record what they deleted. */

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-12-05T12:00:00Z');

/** Finished runs (id → finished at) and which are marked expired, as the simulations service knows them. */
class FakeSimulations implements Pick<PeersRepository, 'telemetryDue'> {
  readonly finished = new Map<string, number>();
  readonly expired = new Set<string>();

  async telemetryDue(finishedBefore: Date, limit: number): Promise<string[]> {
    return [...this.finished].filter(([id, at]) => at < finishedBefore.getTime() && !this.expired.has(id)).sort((a, b) => a[1] - b[1]).slice(0, limit).map(([id]) => id);
  }
}

function deletingStore(): { deleted: string[][]; deleteSimulations(ids: readonly string[]): Promise<void> } {
  const deleted: string[][] = [];
  return { deleted, deleteSimulations: async (ids) => void deleted.push([...ids]) };
}

function world(days: number, now = NOW) {
  const clock = { time: now, scheduled: [] as number[], now: () => clock.time } as Clock & { time: number; scheduled: number[] };
  const timer = (ms: number): Timer => (clock.scheduled.push(ms), { stop: () => undefined });
  clock.every = timer;
  clock.after = timer;
  const simulations = new FakeSimulations();
  const metrics = deletingStore();
  const traces = deletingStore();
  const published: OutgoingMessage[] = [];
  // Like the simulations service consuming the events: a published run is marked expired.
  const bus = { publish: async (_topic: string, messages: OutgoingMessage[]) => {
    published.push(...messages);
    for (const m of messages) simulations.expired.add(m.key);
  } } as unknown as EventBus;
  const job = new TelemetryRetention({ telemetryDays: days, sweepSec: 60 }, clock, metrics as unknown as MetricStore, traces as unknown as TraceStore, bus, simulations as unknown as PeersRepository);
  return { job, clock, simulations, metrics, traces, published };
}

describe('telemetry retention', () => {
  it('deletes from both stores exactly the runs that finished before now − the retention, and announces each', async () => {
    const { job, simulations, metrics, traces, published } = world(30);
    simulations.finished.set('old', NOW - 31 * DAY_MS);
    simulations.finished.set('just-due', NOW - 30 * DAY_MS - 1);
    simulations.finished.set('just-kept', NOW - 30 * DAY_MS + 1);
    simulations.finished.set('new', NOW - DAY_MS);
    expect((await job.sweep()).sort()).toEqual(['just-due', 'old']);
    expect(metrics.deleted.flat().sort()).toEqual(['just-due', 'old']);
    expect(traces.deleted.flat().sort()).toEqual(['just-due', 'old']);
    expect(published.map((m) => decodeTelemetryExpired(m.value))).toEqual([
      { simulationId: 'old', expiredAt: new Date(NOW).toISOString(), retentionDays: 30 },
      { simulationId: 'just-due', expiredAt: new Date(NOW).toISOString(), retentionDays: 30 },
    ]);
    expect(published.map((m) => m.key)).toEqual(['old', 'just-due']);
  });

  it('expires a kept run once the clock passes its due time, and nothing twice', async () => {
    const { job, clock, simulations, metrics } = world(7);
    simulations.finished.set('run', NOW - 6 * DAY_MS);
    expect(await job.sweep()).toEqual([]);
    clock.time = NOW + DAY_MS + 1;
    expect(await job.sweep()).toEqual(['run']);
    expect(await job.sweep()).toEqual([]);
    expect(metrics.deleted).toEqual([['run']]);
  });

  it('deletes a large backlog a few runs per step', async () => {
    const { job, simulations, metrics } = world(1);
    for (let i = 0; i < RUNS_PER_STEP * 2 + 3; i++) simulations.finished.set(`run-${i}`, NOW - 2 * DAY_MS - i);
    expect(await job.sweep()).toHaveLength(RUNS_PER_STEP * 2 + 3);
    expect(metrics.deleted.map((step) => step.length)).toEqual([RUNS_PER_STEP, RUNS_PER_STEP, 3]);
  });

  it('stops a sweep at runs the simulations service still lists after this sweep expired them', async () => {
    const { job, simulations, metrics, published } = world(1);
    simulations.finished.set('run', NOW - 2 * DAY_MS);
    // The events have not been applied yet: the same run keeps being listed.
    simulations.expired.add = () => simulations.expired;
    expect(await job.sweep()).toEqual(['run']);
    expect(metrics.deleted).toEqual([['run']]);
    expect(published).toHaveLength(1);
  });

  it('with a retention of 0 keeps everything and schedules nothing', async () => {
    const { job, clock, simulations, metrics } = world(0);
    simulations.finished.set('ancient', 0);
    job.onApplicationBootstrap();
    expect(clock.scheduled).toEqual([]);
    expect(await job.sweep()).toEqual([]);
    expect(metrics.deleted).toEqual([]);
  });

  it('sweeps on the clock it is given: soon after start, then every LIFECYCLE_SWEEP_SEC', () => {
    const { job, clock } = world(30);
    job.onApplicationBootstrap();
    expect(clock.scheduled).toEqual([5000, 60_000]);
  });
});
