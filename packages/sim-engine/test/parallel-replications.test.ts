import { ReplicationPool, runHosted, serveReplications, simulate, simulateParallel, type EngineMessage, type EnginePort, type FaultSpec } from '../src';
import { chain, client, resolved, runConfig, service } from './fixtures';

/*
 * Replications spread over engine threads give exactly the sequential result. The "threads" here
 * are in-process ports that structured-clone every message (as postMessage does) and deliver it
 * after a different delay per thread, so replications finish out of order.
 */

function fakeThread(index: number): EnginePort {
  const toWorker: ((m: unknown) => void)[] = [];
  const toHost: ((m: unknown) => void)[] = [];
  const delay = [3, 0, 7, 1][index % 4];
  const deliver = (handlers: ((m: unknown) => void)[], message: unknown) => {
    const copy = structuredClone(message);
    setTimeout(() => handlers.forEach((h) => h(copy)), delay);
  };
  serveReplications({ post: (m) => deliver(toHost, m), onMessage: (h) => toWorker.push(h) });
  return { post: (m) => deliver(toWorker, m), onMessage: (h) => toHost.push(h), terminate: () => undefined };
}

const pool = (size: number) => {
  let spawned = 0;
  const p = new ReplicationPool(size, () => fakeThread(spawned++));
  return Object.assign(p, { spawned: () => spawned });
};

const design = resolved(chain([
  client('users', 80),
  service('api', { replicas: 2, workers: 2, serviceTime: { dist: 'exponential', mean: 20 }, timeoutMs: 400, retry: { maxAttempts: 2, backoff: 'exponential', baseMs: 10, maxBackoffMs: 100, jitter: true } }),
  service('db', { serviceTime: { dist: 'lognormal', mean: 5, stddev: 3 }, errorRate: 0.01 }),
]));
const crash: FaultSpec[] = [{ type: 'crash', target: 'db', startSec: 40, durationSec: 15 }];

function withoutWall<T extends { wallMs: number }>(result: T): Omit<T, 'wallMs'> {
  const { wallMs: _ignored, ...rest } = result;
  return rest;
}

jest.setTimeout(120_000);

describe('replications in parallel', () => {
  it('gives a result bit-identical to the sequential run (faults, traces, series, confidence intervals)', async () => {
    const config = runConfig({ durationSec: 80, replications: 5, faults: crash, tracing: { sampleRate: 0.05, maxTraces: 200, slowest: 10, maxLogs: 500 } });
    const sequential = simulate(design, config);
    const p = pool(3);
    const parallel = await simulateParallel(design, config, {}, p);
    expect(JSON.stringify(withoutWall(parallel))).toBe(JSON.stringify(withoutWall(sequential)));
    expect(parallel.replications).toBe(5);
    expect(p.spawned()).toBe(3);
  });

  it('detects the warm-up with the same pilot, and stops at the same replication under a stopping rule', async () => {
    const auto = runConfig({ durationSec: 200, warmupSec: 'auto', replications: 3 });
    expect(withoutWall(await simulateParallel(design, auto, {}, pool(2)))).toEqual(withoutWall(simulate(design, auto)));
    const rule = runConfig({ durationSec: 60, replications: 2, maxReplications: 30, targetRelError: 0.01 });
    const sequential = simulate(design, rule);
    const parallel = await simulateParallel(design, rule, {}, pool(4));
    expect(sequential.replications).toBeGreaterThan(2);
    expect(sequential.replications).toBeLessThan(30);
    // Replications run past the stopping point are discarded, events included.
    expect(JSON.stringify(withoutWall(parallel))).toBe(JSON.stringify(withoutWall(sequential)));
  });

  it('reports progress, streams the first replication’s series, and cancels or fails like the sequential run', async () => {
    const messages: EngineMessage[] = [];
    let cancelAsked = false;
    const host = { clock: () => 0, cancelled: () => cancelAsked, post: (m: EngineMessage) => messages.push(m), replicationPool: pool(2) };
    await runHosted(design, runConfig({ durationSec: 90, replications: 4 }), { progressEveryMs: 0, seriesEveryMs: 0 }, host);
    expect(messages.at(-1)?.kind).toBe('done');
    const progress = messages.flatMap((m) => (m.kind === 'progress' ? [m.progress.fraction] : []));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    const buckets = messages.flatMap((m) => (m.kind === 'series' ? m.buckets.map((b) => b.index) : []));
    expect(buckets).toEqual(Array.from({ length: 90 }, (_, i) => i));

    messages.length = 0;
    let polls = 0;
    const cancelling = { ...host, cancelled: () => ++polls > 3, replicationPool: pool(2) };
    await runHosted(design, runConfig({ durationSec: 2000, replications: 4 }), {}, cancelling);
    expect(messages).toEqual([{ kind: 'cancelled' }]);

    messages.length = 0;
    await runHosted(design, runConfig({ durationSec: 2000, replications: 4, maxEvents: 50_000 }), {}, { ...host, replicationPool: pool(2) });
    expect(messages).toEqual([{ kind: 'failed', code: 'event_budget_exceeded', message: expect.stringContaining('budget of 50000 events') }]);
    cancelAsked = false;
  });

  it('refuses a pool without threads', () => {
    expect(() => new ReplicationPool(0, () => fakeThread(0))).toThrow(/at least one thread/);
  });
});
