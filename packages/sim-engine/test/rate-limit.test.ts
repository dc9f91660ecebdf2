import { chain, client, connect, relErr, runConfig, service, simulate, type ComponentInput } from './fixtures';

/*
 * `rateLimit`: a token bucket on arrival, on stations and load balancers. The deterministic cases
 * use constant arrivals, so the admitted counts are exact.
 */

const fast = { dist: 'constant' as const, value: 1 };

describe('a rate limit', () => {
  it('admits perSec calls a second under Poisson arrivals at twice that rate, throttling about half', () => {
    const design = chain([client('users', 200), service('api', { serviceTime: fast, workers: 10, rateLimit: { perSec: 100, burst: 20 } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 2000, warmupSec: 10, seed: 31 }));
    const api = summary.components.api;
    expect(relErr(api.throughput, 100)).toBeLessThan(0.01);
    expect(relErr(api.throttled / api.arrivals, 0.5)).toBeLessThan(0.02);
    expect(api.drops).toBe(api.throttled);
  });

  it('lets a full bucket of `burst` calls through at t = 0, then one per 1 / perSec seconds', () => {
    // A call every millisecond from t = 1 ms: ten pass at once, the next token is full at 1.01 s.
    const design = chain([client('users', 1000, 'constant'), service('api', { serviceTime: fast, workers: 100, rateLimit: { perSec: 1, burst: 10 } })]);
    const { summary } = simulate(design, runConfig({ durationSec: 2, seed: 32 }));
    const api = summary.components.api;
    expect(api.completions).toBe(11);
    expect(api.throttled).toBe(api.arrivals - 11);
  });

  it('throttles on a load balancer before it forwards', () => {
    const lb: ComponentInput = { id: 'lb', type: 'LOAD_BALANCER', properties: { rateLimit: { perSec: 1, burst: 10 } } };
    const design = { components: [client('users', 1000, 'constant'), lb, service('api', { serviceTime: fast, workers: 100 })], connections: [connect('users', 'lb'), connect('lb', 'api')] };
    const { summary } = simulate(design, runConfig({ durationSec: 2, seed: 33 }));
    expect(summary.components.api.arrivals).toBe(11);
    expect(summary.components.lb.throttled).toBe(summary.components.lb.arrivals - 11);
    expect(summary.endToEnd.errors).toBe(summary.components.lb.throttled);
  });
});

describe('instance-seconds', () => {
  it('are replicas × the measured window for fixed replicas, one instance for a load balancer, none for a client', () => {
    const lb: ComponentInput = { id: 'lb', type: 'LOAD_BALANCER', properties: {} };
    const design = { components: [client('users', 50), lb, service('api', { serviceTime: fast, replicas: 3 })], connections: [connect('users', 'lb'), connect('lb', 'api')] };
    const { summary } = simulate(design, runConfig({ durationSec: 100, warmupSec: 20, seed: 34 }));
    expect(summary.components.api.instanceSeconds).toBeCloseTo(240, 9);
    expect(summary.components.api.peakInstances).toBe(3);
    expect(summary.components.lb.instanceSeconds).toBeCloseTo(80, 9);
    expect(summary.components.users.instanceSeconds).toBe(0);
    expect(summary.components.api.billedSeconds).toBe(0);
    expect(summary.components.api.coldStarts).toBe(0);
  });

  it('integrate an autoscaled component’s replicas, counting a replica from the moment it is provisioned', () => {
    // One replica saturated (2 calls/s of 0.9 s): at 15 s the autoscaler asks for a second, which serves from 45 s.
    const autoscaling = { minReplicas: 1, maxReplicas: 2, targetUtilization: 0.5, evaluationIntervalSec: 15, scaleOutDelaySec: 30 };
    const design = chain([client('users', 2, 'constant'), service('api', { serviceTime: { dist: 'constant', value: 900 }, autoscaling })]);
    const result = simulate(design, runConfig({ durationSec: 60, seed: 35 }));
    const api = result.summary.components.api;
    // 1 instance for 15 s, 2 for 45 s (30 s of them starting).
    expect(api.instanceSeconds).toBeCloseTo(15 + 2 * 45, 9);
    expect(api.peakInstances).toBe(2);
    // The `replicas` series shows replicas serving: it adds the 30 s the second one was starting.
    const served = result.timeseries.components.api.replicas.reduce((sum, r) => sum + r, 0);
    expect(served + 30).toBeCloseTo(api.instanceSeconds, 9);
  });
});
