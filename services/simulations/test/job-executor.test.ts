import { decodeMetricBatch } from '@architech/contracts';
import type { FinalTelemetry } from '../src/services/final-telemetry';
import { HEARTBEAT_MS } from '../src/jobs/run-heartbeat';
import { flush } from './fakes/fake-clock';
import { INSTANCE, jobWorld } from './fakes/job-world';

/* One job through the (fake) engine pool: queued, started, reported, recorded. */

const RESULT = { summary: { endToEnd: { count: 5 } }, ci95: undefined, settings: { durationSec: 60 }, replications: 1, events: 100, wallMs: 7, faults: [] };
const FINAL: FinalTelemetry = { metrics: [{ key: 'k', value: new Uint8Array([1]) }], spans: [], logs: [] };

function executing(config: Parameters<typeof jobWorld>[0] = {}) {
  const world = jobWorld(config);
  world.positions.follow(() => world.engine.positions());
  const job = world.pendingJob();
  const done = world.executor.execute(world.engine, job);
  return { ...world, job, id: job.simulationId, done };
}

describe('executing a job', () => {
  it('waits PENDING with its queue position, becomes RUNNING for this instance when a thread takes it, and stores the result', async () => {
    const { engine, simulations, bus, telemetry, clock, id, done } = executing();
    await flush();
    const run = engine.last();
    expect(run.options).toEqual({ owner: 'user-1', onStart: expect.any(Function), liveFor: id, telemetryFor: id });
    expect(simulations.get(id)).toMatchObject({ status: 'PENDING', queuePosition: 1 });

    run.take();
    await flush();
    expect(simulations.get(id)).toMatchObject({ status: 'RUNNING', workerId: INSTANCE, heartbeatAt: new Date(clock.now()) });
    run.progress(0.5);
    await flush();
    expect(simulations.get(id).progress).toBe(0.5);

    run.end({ kind: 'done', resultJson: JSON.stringify(RESULT), telemetry: FINAL });
    await done;
    expect(simulations.get(id).status).toBe('COMPLETED');
    expect(simulations.results.get(id)).toEqual({ summary: RESULT.summary, ci95: undefined, settings: RESULT.settings, replications: 1, events: 100, wallMs: 7, faults: [] });
    expect(telemetry.finals).toEqual([FINAL]);
    expect(bus.statuses.filter((s) => s.id === id)).toEqual([
      { id, status: 'RUNNING', progress: 0, sequence: 1e7, workerId: INSTANCE },
      { id, status: 'RUNNING', progress: 0.5, replication: 1, replications: 1, simTimeMs: 500, events: 50, sequence: 1e7 + 5e5, workerId: INSTANCE },
      { id, status: 'COMPLETED', progress: 1, replications: 1, events: 100, sequence: 3e7, summary: RESULT.summary, workerId: INSTANCE },
    ]);
  });

  it("keeps a check run replication's series: no telemetry encoded on the thread, the series captured for the check", async () => {
    const world = jobWorld();
    const job = world.pendingJob();
    const id = job.simulationId;
    world.checkRuns.replications.set(id, ['api']);
    const done = world.executor.execute(world.engine, job);
    await flush();
    const run = world.engine.last();
    expect(run.options.telemetryFor).toBeUndefined();

    run.take();
    await flush();
    const timeseries = { bucketSec: 1, endToEnd: { throughput: [1] }, components: { api: { throughput: [2] }, users: { throughput: [3] } } };
    run.end({ kind: 'done', resultJson: JSON.stringify({ ...RESULT, timeseries, traces: [], logs: [] }) });
    await done;
    expect(world.telemetry.results.map((r) => r.simulationId)).toEqual([id]);
    expect(world.checkRuns.saved.get(id)).toEqual({ bucketSec: 1, endToEnd: { throughput: [1] }, components: { api: { throughput: [2] } } });
    expect(world.simulations.get(id).status).toBe('COMPLETED');
  });

  it('streams the first replication series to telemetry while it runs', async () => {
    const { engine, telemetry, id, done } = executing();
    await flush();
    const run = engine.last();
    run.take();
    // The engine thread encodes the series for the run's id; the executor hands the batches on.
    expect(run.options.liveFor).toBe(id);
    const live = { metrics: [{ key: id, value: new Uint8Array([1]) }], logs: [{ key: id, value: new Uint8Array([2]) }] };
    run.onLive(live);
    run.end({ kind: 'cancelled' });
    await done;
    expect(telemetry.live).toEqual([live]);
  });

  it.each([
    ['every live window reached the bus: the final publication leaves the series out', false, 1],
    ['a live window was lost: the final publication carries the series', true, 2],
  ])('%s', async (_title, lose, metricBatches) => {
    const { engine, telemetry, id, done } = executing();
    await flush();
    const run = engine.last();
    run.take();
    if (lose) telemetry.liveFailure = new Error('broker gone');
    run.onLive({ metrics: [{ key: id, value: new Uint8Array([1]) }], logs: [] });
    const mark = { 'x-final-batch': 'metrics:0' };
    const series = [{ key: id, value: new Uint8Array([1]), headers: mark }, { key: id, value: new Uint8Array([2]), headers: mark }];
    run.end({ kind: 'done', resultJson: JSON.stringify(RESULT), telemetry: { metrics: series, spans: [], logs: [], liveSeriesComplete: true } });
    await done;
    expect(telemetry.finals).toHaveLength(1);
    expect(telemetry.finals[0].metrics).toHaveLength(metricBatches);
    if (!lose) expect(decodeMetricBatch(telemetry.finals[0].metrics[0].value).series).toEqual([]);
  });

  it('stops a run cancelled while it waits, and leaves its row as the cancel left it', async () => {
    const { engine, simulations, bus, clock, id, done } = executing();
    await flush();
    await simulations.finish(id, 'CANCELLED', null);
    await clock.advance(HEARTBEAT_MS);
    await done;
    expect(engine.last().cancelled).toBe(true);
    expect(bus.statuses).toEqual([]);
    expect(clock.active).toBe(0);
  });

  it('does not run a job whose cancel was requested before a thread took it', async () => {
    const { engine, simulations, bus, id, done } = executing();
    await flush();
    await simulations.requestCancel(id);
    engine.last().take();
    await done;
    expect(engine.last().cancelled).toBe(true);
    expect(simulations.get(id).status).toBe('PENDING');
    expect(bus.statuses).toEqual([]);
  });

  it('stops a RUNNING run when its cancel is requested, and records it CANCELLED', async () => {
    const { engine, simulations, bus, clock, id, done } = executing();
    await flush();
    engine.last().take();
    await flush();
    await simulations.requestCancel(id);
    await clock.advance(HEARTBEAT_MS);
    await done;
    expect(simulations.get(id).status).toBe('CANCELLED');
    expect(bus.statusesOf(id)).toEqual(['RUNNING', 'CANCELLED']);
  });

  it('fails a run over SIM_MAX_WALL_SEC of engine time with the reason', async () => {
    const { engine, simulations, clock, id, done } = executing({ SIM_MAX_WALL_SEC: 10 });
    await flush();
    engine.last().take();
    await flush();
    await clock.advance(9_999);
    expect(engine.last().cancelled).toBe(false);
    await clock.advance(1);
    await done;
    expect(simulations.get(id)).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^wall_clock_limit: the run took more than SIM_MAX_WALL_SEC = 10 s/) });
  });

  it('fails a run the engine failed, with its code and message', async () => {
    const { engine, simulations, bus, id, done } = executing();
    await flush();
    engine.last().take();
    engine.last().end({ kind: 'failed', code: 'out_of_memory', message: 'the engine thread ran out of memory' });
    await done;
    expect(simulations.get(id)).toMatchObject({ status: 'FAILED', error: 'out_of_memory: the engine thread ran out of memory' });
    expect(bus.statuses.at(-1)).toMatchObject({ id, status: 'FAILED', error: 'out_of_memory: the engine thread ran out of memory', workerId: INSTANCE });
  });

  it('returns a run to PENDING when this instance stops while it runs', async () => {
    const { engine, simulations, bus, id, done } = executing();
    await flush();
    engine.last().take();
    await flush();
    engine.last().end({ kind: 'failed', code: 'shutting_down', message: 'stopping' });
    await done;
    expect(simulations.get(id)).toMatchObject({ status: 'PENDING', workerId: null, heartbeatAt: null });
    expect(bus.statusesOf(id)).toEqual(['RUNNING']);
  });
});
