import { decodeLogBatch, decodeMetricBatch, designSchema, END_TO_END, resolveDesign } from '@architech/contracts';
import { simulate, type RunConfigSpec } from '@architech/sim-engine';
// The built pool: its engine threads load the compiled engine-thread.js next to it (`npm test` builds first).
import { EnginePool, type RunOutcome } from '../dist/worker/engine-pool';
import type { LiveTelemetry } from '../dist/services/final-telemetry';

/* The engine pool lends idle threads to a run with several replications, with the one-thread result. */

jest.setTimeout(120_000);

const design = resolveDesign(designSchema.parse({
  components: [
    { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 150 } } },
    { id: 'api', type: 'SERVICE', properties: { replicas: 2, workers: 2, serviceTime: { dist: 'exponential', mean: 10 }, errorRate: 0.01 } },
  ],
  connections: [{ id: 'c', source: 'users', target: 'api' }],
}));
const config = (replications: number): RunConfigSpec => ({ durationSec: 400, warmupSec: 10, seed: 3, replications, maxReplications: 50, faults: [], tracing: { sampleRate: 0.01, maxTraces: 50, slowest: 5, maxLogs: 100 } });
const strip = (outcome: RunOutcome) => {
  if (outcome.kind !== 'done') throw new Error(`run ended ${outcome.kind}: ${JSON.stringify(outcome)}`);
  return JSON.stringify({ ...JSON.parse(outcome.resultJson), wallMs: 0 });
};

describe('the engine pool', () => {
  let pool: EnginePool;
  afterEach(() => pool.close());

  it('lends its idle thread to a run with several replications; a run queued meanwhile waits for it', async () => {
    pool = new EnginePool(2, 512);
    const started: string[] = [];
    const first = pool.run(design, config(4), () => undefined, undefined, { owner: 'a', onStart: () => started.push('first') });
    const second = pool.run(design, config(1), () => undefined, undefined, { owner: 'b', onStart: () => started.push('second') });
    // Two threads, but the second is serving the first run's replications: the second run waits.
    expect(started).toEqual(['first']);
    expect(pool.positions().get(second.runId)).toBe(1);
    const firstResult = strip(await first.outcome);
    expect(firstResult).toBe(JSON.stringify({ ...simulate(design, config(4)), wallMs: 0 }));
    await second.outcome;
    expect(started).toEqual(['first', 'second']);
  });

  it('lends nothing to single-replication runs: two of them run at once', async () => {
    pool = new EnginePool(2, 512);
    const started: string[] = [];
    const a = pool.run(design, config(1), () => undefined, undefined, { owner: 'a', onStart: () => started.push('a') });
    const b = pool.run(design, config(1), () => undefined, undefined, { owner: 'b', onStart: () => started.push('b') });
    expect(started).toEqual(['a', 'b']);
    await Promise.all([a.outcome, b.outcome]);
  });

  it('stops every thread of a run on cancel, and gives the threads back', async () => {
    pool = new EnginePool(2, 512);
    const long = pool.run(design, { ...config(4), durationSec: 20_000 }, () => undefined, undefined, { owner: 'a' });
    setTimeout(() => long.cancel(), 300);
    expect(await long.outcome).toEqual({ kind: 'cancelled' });
    const after = pool.run(design, config(2), () => undefined, undefined, { owner: 'a' });
    expect(strip(await after.outcome)).toBe(JSON.stringify({ ...simulate(design, config(2)), wallMs: 0 }));
  });

  it('sends the live series as bus batches encoded on the engine thread, which add up to the run\'s series and log', async () => {
    pool = new EnginePool(1, 512);
    const windows: LiveTelemetry[] = [];
    const run = pool.run(design, { ...config(1), durationSec: 4000 }, () => undefined, (live) => windows.push(live), { owner: 'a', liveFor: 'sim-1' });
    const result = JSON.parse(strip(await run.outcome));
    expect(windows.length).toBeGreaterThan(0);
    // Every bucket of every series arrives once, in windows that follow each other.
    const series = new Map<string, number[]>();
    const logIds: string[] = [];
    for (const { metrics, logs } of windows) {
      for (const message of metrics) {
        expect(message.key).toBe('sim-1');
        const batch = decodeMetricBatch(message.value);
        expect(batch.bucketSec).toBe(result.settings.bucketSec);
        for (const s of batch.series) {
          const key = `${s.componentId}/${s.metric}`;
          const values = series.get(key) ?? [];
          expect(s.startSec).toBe(values.length * batch.bucketSec);
          series.set(key, [...values, ...s.values]);
        }
      }
      for (const message of logs) logIds.push(...decodeLogBatch(message.value).records.map((r) => r.id));
    }
    // With one replication the live series are the run's series, every metric of every component.
    const expected = new Map<string, number[]>();
    for (const [componentId, set] of [[END_TO_END, result.timeseries.endToEnd], ...Object.entries(result.timeseries.components)] as [string, Record<string, number[]>][]) {
      for (const [metric, values] of Object.entries(set)) expected.set(`${componentId}/${metric}`, values);
    }
    expect(series.size).toBe(expected.size);
    expect(series).toEqual(expected);
    expect(logIds).toEqual(result.logs.map((_: unknown, i: number) => `${i}`));
  });

  it('says the live windows carried the whole series only for one replication sent live in full', async () => {
    pool = new EnginePool(1, 512);
    const finalOf = async (replications: number) => {
      const outcome = await pool.run(design, config(replications), () => undefined, () => undefined, { owner: 'a', liveFor: 'sim-2', telemetryFor: 'sim-2' }).outcome;
      if (outcome.kind !== 'done' || !outcome.telemetry) throw new Error(`no final telemetry: ${outcome.kind}`);
      return outcome.telemetry;
    };
    expect((await finalOf(1)).liveSeriesComplete).toBe(true);
    expect((await finalOf(2)).liveSeriesComplete).toBeUndefined();
  });

  it('sends no series without liveFor', async () => {
    pool = new EnginePool(1, 512);
    const windows: LiveTelemetry[] = [];
    const run = pool.run(design, config(1), () => undefined, (live) => windows.push(live), { owner: 'a' });
    strip(await run.outcome);
    expect(windows).toEqual([]);
  });
});
