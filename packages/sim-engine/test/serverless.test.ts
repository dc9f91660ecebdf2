import { chain, client, relErr, runConfig, service, simulate, type ComponentInput } from './fixtures';

/*
 * Serverless stations: scale from zero, cold starts, idle reclaim, and the concurrency limit as an
 * Erlang loss system. Seeds are fixed and the deterministic cases use constant arrivals and times,
 * so every number below is exact or a long-run estimate well inside its tolerance.
 */

const constant = (value: number) => ({ dist: 'constant' as const, value });

/** Erlang B(c, a): the probability that a Poisson arrival finds all c servers busy. */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** 10 calls a second, none between 30 s and 100 s (a spike of rate 0). */
function burstyClient(): ComponentInput {
  return { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'constant', ratePerSec: 10, profile: { shape: 'spike', ratePerSec: 0, startSec: 30, durationSec: 70 } } } };
}

function fn(idleTimeoutSec: number, extra: { coldStart?: number; maxConcurrency?: number } = {}): ComponentInput {
  return service('fn', { serviceTime: constant(10), serverless: { maxConcurrency: extra.maxConcurrency ?? 100, coldStart: constant(extra.coldStart ?? 50), idleTimeoutSec } });
}

describe('a serverless component', () => {
  it('throttles like an Erlang loss system: the throttled share is Erlang B(c, λ/μ)', () => {
    const c = 5;
    const lambda = 40;
    const meanMs = 100;
    const design = chain([client('users', lambda), service('fn', { serviceTime: { dist: 'exponential', mean: meanMs }, serverless: { maxConcurrency: c, coldStart: constant(0), idleTimeoutSec: 86_400 } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 4000, warmupSec: 50, seed: 21 }));
    const s = summary.components.fn;
    const expected = erlangB(c, (lambda * meanMs) / 1000);
    expect(relErr(s.throttled / s.arrivals, expected)).toBeLessThan(0.03);
    // Throttled calls are drops: the caller sees them fail, and the error accounting holds.
    expect(s.drops).toBe(s.throttled);
    expect(relErr(summary.endToEnd.errorRate, expected)).toBeLessThan(0.03);
    // Every slot is an instance (concurrencyPerInstance 1) and none is reclaimed: all c were started once.
    expect(s.peakInstances).toBe(c);
    expect(s.coldStarts).toBe(0);
    expect(relErr(s.billedSeconds, s.completions * (meanMs / 1000))).toBeLessThan(0.02);
  });

  it('cold-starts an instance for the first call after an idle period longer than idleTimeoutSec', () => {
    const result = simulate(chain([burstyClient(), fn(10)]), runConfig({ durationSec: 130, seed: 22 }));
    const s = result.summary.components.fn;
    const series = result.timeseries.components.fn;
    // One instance at the start, reclaimed 10 s after the last call before the gap, one again after it.
    expect(s.coldStarts).toBe(2);
    expect(s.peakInstances).toBe(1);
    expect(series.replicas[35]).toBe(1);
    expect(series.replicas[45]).toBe(0);
    expect(series.replicas[110]).toBe(1);
    // The first call of each period waits 50 ms on top of its 10 ms; every other call is warm.
    expect(series.latencyMax[0]).toBeCloseTo(60, 6);
    expect(series.latencyMax[100]).toBeCloseTo(60, 6);
    expect(series.latencyMax[20]).toBeCloseTo(10, 6);
    expect(s.latency.max).toBeCloseTo(60, 6);
    // Live from the first call (0.1 s) to the reclaim (30.01 + 10 s), and from 100.1 s to the end.
    expect(s.instanceSeconds).toBeCloseTo(39.91 + 29.9, 6);
    // Invocations: 599 calls of 10 ms, plus the two cold starts.
    expect(s.completions).toBe(599);
    expect(s.billedSeconds).toBeCloseTo(599 * 0.01 + 2 * 0.05, 6);
  });

  it('keeps an instance warm through an idle period shorter than idleTimeoutSec', () => {
    const { summary } = simulate(chain([burstyClient(), fn(100)]), runConfig({ durationSec: 130, seed: 22 }));
    expect(summary.components.fn.coldStarts).toBe(1);
    expect(summary.components.fn.instanceSeconds).toBeCloseTo(129.9, 6);
  });

  it('shows the cold-start latency right after an idle period under Poisson traffic, and almost none in steady traffic', () => {
    const users: ComponentInput = { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 20, profile: { shape: 'spike', ratePerSec: 0, startSec: 60, durationSec: 40 } } } };
    const result = simulate(chain([users, fn(10, { coldStart: 400 })]), runConfig({ durationSec: 130, seed: 23 }));
    const series = result.timeseries.components.fn;
    // Calls arriving while the new instances start each start one more: the window's tail is cold start + service.
    expect(relErr(series.latencyP99[100], 410)).toBeLessThan(0.01);
    const steady = series.latencyP99.slice(20, 60);
    expect(steady.filter((p99) => p99 > 100).length).toBeLessThanOrEqual(2);
    const { summary } = simulate(chain([client('users', 20), fn(10, { coldStart: 400 })]), runConfig({ durationSec: 300, warmupSec: 20, seed: 24 }));
    expect(summary.components.fn.coldStarts / summary.components.fn.arrivals).toBeLessThan(0.002);
  });

  it('starts from zero instances and reclaims each one idleTimeoutSec after its last call', () => {
    const { summary } = simulate(chain([client('users', 1, 'constant'), fn(0.5)]), runConfig({ durationSec: 10, seed: 25 }));
    const s = summary.components.fn;
    // A call every second from t = 1 s: each finds no instance, cold-starts one (60 ms), which lives 0.5 s more.
    expect(s.completions).toBe(9);
    expect(s.coldStarts).toBe(9);
    expect(s.instanceSeconds).toBeCloseTo(9 * (0.06 + 0.5), 6);
    expect(s.billedSeconds).toBeCloseTo(9 * 0.06, 6);
  });

  it('loses the calls of crashed instances and starts fresh ones afterwards', () => {
    const faults = [{ type: 'crash' as const, target: 'fn', startSec: 5, durationSec: 5 }];
    const design = chain([client('users', 10, 'constant'), service('fn', { serviceTime: constant(200), serverless: { maxConcurrency: 10, coldStart: constant(0), idleTimeoutSec: 600 } })]);
    const result = simulate(design, runConfig({ durationSec: 20, seed: 26, faults }));
    const s = result.summary.components.fn;
    expect(result.timeseries.components.fn.replicas[7]).toBe(0);
    expect(s.coldStarts).toBe(4);
    // Two calls in flight at the crash fail; the 50 calls during it are unavailable.
    expect(s.errors).toBe(2 + 50);
  });
});
