import type { DesignInput } from '@architech/contracts';
import type { Span } from '../src';
import { client, connect, relErr, runConfig, service, simulate, type ConnectionInput, type ServiceProperties } from './fixtures';

/*
 * Call graphs: a component with `fanOut: "all"` calls every downstream, stage by stage. Checked
 * against the exact results that exist: the two-server fork-join (Nelson & Tantawi), sums of
 * sojourn times for sequences, and max/sum for deterministic branches.
 */

const TOLERANCE = 0.03;
const exp = (mean: number) => ({ dist: 'exponential' as const, mean });
const constant = (value: number) => ({ dist: 'constant' as const, value });

/** A front component that forks to `branches` (instant itself, never queueing). */
function fork(branches: { id: string; serviceTime: ServiceProperties['serviceTime']; role?: ConnectionInput['properties']; workers?: number }[], front: Partial<ServiceProperties> = {}, rate = 50, process: 'poisson' | 'constant' = 'poisson'): DesignInput {
  return {
    components: [
      client('users', rate, process),
      service('api', { workers: 1000, serviceTime: constant(0), fanOut: 'all', ...front }),
      ...branches.map((b) => service(b.id, { serviceTime: b.serviceTime, workers: b.workers ?? 1 })),
    ],
    connections: [connect('users', 'api'), ...branches.map((b) => connect('api', b.id, b.role ?? {}))],
  };
}

describe('fan-out against queueing theory', () => {
  it('matches the two-server fork-join of M/M/1 queues: E[T] = (12 − ρ)/8 · 1/(μ − λ) (Nelson & Tantawi)', () => {
    const lambda = 50;
    const mu = 100;
    const design = fork([
      { id: 'a', serviceTime: exp(1000 / mu) },
      { id: 'b', serviceTime: exp(1000 / mu) },
    ], {}, lambda);
    const { summary } = simulate(design, runConfig({ durationSec: 6000, warmupSec: 100, seed: 21 }));
    const rho = lambda / mu;
    const expectedMs = ((12 - rho) / 8) * (1000 / (mu - lambda));
    expect(relErr(summary.endToEnd.latency.mean, expectedMs)).toBeLessThan(TOLERANCE);
    // The fork's own latency includes the join: it is the end-to-end figure here.
    expect(relErr(summary.components.api.latency.mean, expectedMs)).toBeLessThan(TOLERANCE);
    // Each branch on its own is still an M/M/1 queue.
    for (const id of ['a', 'b']) expect(relErr(summary.components[id].latency.mean, 1000 / (mu - lambda))).toBeLessThan(TOLERANCE);
  });

  it('adds the sojourn times of sequential stages', () => {
    const lambda = 60;
    const design = fork([
      { id: 'a', serviceTime: exp(10), role: { stage: 1 } },
      { id: 'b', serviceTime: exp(5), role: { stage: 2 } },
    ], {}, lambda);
    const { summary } = simulate(design, runConfig({ durationSec: 4000, warmupSec: 100, seed: 22 }));
    const expectedMs = 1000 / (100 - lambda) + 1000 / (200 - lambda);
    expect(relErr(summary.endToEnd.latency.mean, expectedMs)).toBeLessThan(TOLERANCE);
  });

  it('takes the max of parallel deterministic branches and the sum of sequential ones, exactly', () => {
    const branches = (stages: [number, number]) => [
      { id: 'a', serviceTime: constant(10), role: { stage: stages[0] }, workers: 10 },
      { id: 'b', serviceTime: constant(30), role: { stage: stages[1] }, workers: 10 },
    ];
    const parallel = simulate(fork(branches([1, 1]), {}, 10, 'constant'), runConfig({ durationSec: 60 })).summary;
    const sequential = simulate(fork(branches([1, 2]), {}, 10, 'constant'), runConfig({ durationSec: 60 })).summary;
    expect(parallel.endToEnd.completions).toBeGreaterThan(500);
    expect(parallel.endToEnd.latency.mean).toBeCloseTo(30, 9);
    expect(parallel.endToEnd.latency.max).toBeCloseTo(30, 9);
    expect(sequential.endToEnd.latency.mean).toBeCloseTo(40, 9);
    expect(sequential.endToEnd.latency.max).toBeCloseTo(40, 9);
  });

  it('calls a branch with `probability` p at rate p·λ, drawn per request', () => {
    const lambda = 200;
    const design = fork([
      { id: 'a', serviceTime: constant(1), workers: 10 },
      { id: 'fraud', serviceTime: constant(1), role: { probability: 0.1 }, workers: 10 },
    ], {}, lambda);
    const { summary } = simulate(design, runConfig({ durationSec: 600, seed: 23 }));
    const requests = summary.components.api.arrivals;
    expect(summary.components.a.arrivals).toBe(requests);
    expect(relErr(summary.components.fraud.arrivals, 0.1 * requests)).toBeLessThan(0.03);
    expect(summary.endToEnd.errorRate).toBe(0);
  });

  it('answers when no call is drawn (probability 0) without calling anything', () => {
    const design = fork([{ id: 'a', serviceTime: constant(1), role: { probability: 0 } }], {}, 20);
    const { summary } = simulate(design, runConfig({ durationSec: 30 }));
    expect(summary.components.a.arrivals).toBe(0);
    expect(summary.endToEnd.completions).toBe(summary.endToEnd.requests);
  });
});

describe('fan-out failure semantics', () => {
  const crashAll = (target: string) => runConfig({ durationSec: 60, faults: [{ type: 'crash', target, startSec: 0 }], tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 1000 } });

  it('tolerates a crashed optional dependency: end-to-end error rate 0, its errors still counted', () => {
    const design = fork([
      { id: 'a', serviceTime: constant(2), workers: 10 },
      { id: 'recs', serviceTime: constant(2), role: { optional: true }, workers: 10 },
    ]);
    const { summary, logs } = simulate(design, crashAll('recs'));
    expect(summary.endToEnd.requests).toBeGreaterThan(2000);
    expect(summary.endToEnd.errorRate).toBe(0);
    expect(summary.components.recs.errors).toBe(summary.components.recs.arrivals);
    expect(summary.components.recs.errors).toBeGreaterThan(2000);
    expect(logs.some((l) => l.event === 'fallback' && l.componentId === 'api')).toBe(true);
  });

  it('tolerates an optional call under fanOut "one" too', () => {
    const design: DesignInput = {
      components: [client('users', 50), service('api', { serviceTime: constant(1), workers: 10 }), service('recs', { serviceTime: constant(1) })],
      connections: [connect('users', 'api'), connect('api', 'recs', { optional: true })],
    };
    const { summary } = simulate(design, crashAll('recs'));
    expect(summary.endToEnd.errorRate).toBe(0);
    expect(summary.components.recs.errors).toBeGreaterThan(1000);
  });

  it('fails the request when a required call fails, lets the stage finish, and starts no later stage', () => {
    const design = fork([
      { id: 'auth', serviceTime: constant(2), role: { stage: 1 }, workers: 10 },
      { id: 'audit', serviceTime: constant(5), role: { stage: 1 }, workers: 10 },
      { id: 'orders', serviceTime: constant(2), role: { stage: 2 }, workers: 10 },
    ]);
    const { summary } = simulate(design, crashAll('auth'));
    expect(summary.endToEnd.errorRate).toBe(1);
    expect(summary.components.api.errors).toBe(summary.components.api.arrivals);
    // The parallel call of the failed stage still completed its work…
    expect(summary.components.audit.completions).toBe(summary.components.api.arrivals);
    // …and the request waited for it: the fork answers when every call it started has settled.
    expect(summary.components.orders.arrivals).toBe(0);
  });

  it('answers only after every call of the stage has settled, even when one fails at once', () => {
    const design = fork([
      { id: 'auth', serviceTime: constant(2), workers: 10 },
      { id: 'slow', serviceTime: constant(50), workers: 10 },
    ], {}, 20, 'constant');
    const config = crashAll('auth');
    config.tracing = { sampleRate: 1, maxTraces: 20, slowest: 0, maxLogs: 100 };
    const { traces } = simulate(design, config);
    expect(traces.length).toBeGreaterThan(0);
    for (const trace of traces) {
      const api = trace.spans.find((s) => s.componentId === 'api') as Span;
      expect(api.status.code).toBe('ERROR');
      expect(api.durationMs).toBeCloseTo(50, 9);
    }
  });

  it('holds a blocking worker through every stage', () => {
    const lambda = 10;
    const design = fork([
      { id: 'a', serviceTime: constant(10), role: { stage: 1 }, workers: 10 },
      { id: 'b', serviceTime: constant(20), role: { stage: 2 }, workers: 10 },
    ], { blockingCalls: true, workers: 10 }, lambda, 'constant');
    const { summary } = simulate(design, runConfig({ durationSec: 100 }));
    // Busy workers = λ × 30 ms held, out of 10.
    expect(summary.components.api.utilization).toBeCloseTo((lambda * 0.03) / 10, 3);
  });
});

describe('fan-out traces and determinism', () => {
  const design = fork([
    { id: 'auth', serviceTime: exp(3), role: { stage: 1 }, workers: 4 },
    { id: 'orders', serviceTime: exp(8), role: { stage: 2 }, workers: 4 },
    { id: 'inventory', serviceTime: exp(6), role: { stage: 2 }, workers: 4 },
    { id: 'recs', serviceTime: exp(20), role: { stage: 2, probability: 0.5, optional: true }, workers: 4 },
  ], {}, 100);
  const config = runConfig({ durationSec: 30, seed: 5, tracing: { sampleRate: 0.05, maxTraces: 50, slowest: 5, maxLogs: 100 } });

  it('records parallel calls as sibling spans whose intervals overlap, labelled with their stage', () => {
    const { traces } = simulate(design, config);
    let overlapping = 0;
    for (const trace of traces) {
      const api = trace.spans.find((s) => s.componentId === 'api') as Span;
      const children = trace.spans.filter((s) => s.parentSpanId === api.spanId);
      const auth = children.find((s) => s.componentId === 'auth') as Span;
      const orders = children.find((s) => s.componentId === 'orders') as Span;
      const inventory = children.find((s) => s.componentId === 'inventory') as Span;
      expect(auth.attributes.stage).toBe(1);
      expect(orders.attributes.stage).toBe(2);
      // Stage 2 starts after stage 1 has settled.
      expect(orders.startMs).toBeGreaterThanOrEqual(auth.endMs);
      expect(inventory.startMs).toBeGreaterThanOrEqual(auth.endMs);
      if (orders.startMs < inventory.endMs && inventory.startMs < orders.endMs) overlapping++;
      const recs = children.find((s) => s.componentId === 'recs');
      if (recs) expect(recs.attributes.optional).toBe(true);
      // The fork answers after the last call of its last stage.
      const lastEnd = Math.max(...children.map((s) => s.endMs));
      expect(api.endMs).toBeCloseTo(lastEnd, 9);
    }
    expect(overlapping).toBeGreaterThan(traces.length / 2);
  });

  it('is deterministic per seed', () => {
    const a = simulate(design, config);
    const b = simulate(design, config);
    expect(JSON.stringify({ ...a, wallMs: 0 })).toBe(JSON.stringify({ ...b, wallMs: 0 }));
    const c = simulate(design, { ...config, seed: 6 });
    expect(c.summary.endToEnd.latency.mean).not.toBe(a.summary.endToEnd.latency.mean);
  });
});
