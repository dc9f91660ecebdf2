import type { DesignInput } from '@architech/contracts';
import { chain, client, connect, relErr, runConfig, service, simulate, type ServiceProperties } from './fixtures';

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });

describe('a load balancer', () => {
  const design = (strategy: 'round_robin' | 'random' | 'least_connections', weights = [1, 1, 1]): DesignInput => ({
    components: [
      client('users', 150),
      { id: 'lb', type: 'LOAD_BALANCER', properties: { strategy } },
      service('a', { serviceTime: exp(10) }),
      service('b', { serviceTime: exp(10) }),
      service('c', { serviceTime: exp(10) }),
    ],
    connections: [connect('users', 'lb'), ...['a', 'b', 'c'].map((t, i) => connect('lb', t, { weight: weights[i] }))],
  });

  it('splits round-robin traffic exactly by weight', () => {
    const { summary } = simulate(design('round_robin', [1, 2, 3]), runConfig({ durationSec: 120 }));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => summary.components[id].arrivals);
    expect(Math.abs(b - 2 * a)).toBeLessThanOrEqual(3);
    expect(Math.abs(c - 3 * a)).toBeLessThanOrEqual(3);
  });

  it('spreads random traffic evenly on average', () => {
    const { summary } = simulate(design('random'), runConfig({ durationSec: 300 }));
    const total = summary.components.lb.arrivals;
    for (const id of ['a', 'b', 'c']) expect(relErr(summary.components[id].arrivals, total / 3)).toBeLessThan(0.03);
  });

  it('beats random on latency with least connections (join the shortest queue)', () => {
    const lc = simulate(design('least_connections'), runConfig({ durationSec: 300 })).summary.endToEnd.latency.mean;
    const rnd = simulate(design('random'), runConfig({ durationSec: 300 })).summary.endToEnd.latency.mean;
    expect(lc).toBeLessThan(rnd * 0.8);
  });
});

describe('a cache', () => {
  it('forwards only misses downstream', () => {
    const design = chain([
      client('users', 100),
      { id: 'cache', type: 'CACHE', properties: { hitRatio: 0.8, workers: 8, serviceTime: { dist: 'constant', value: 0.5 } } },
      { id: 'db', type: 'DATABASE', properties: { workers: 8, serviceTime: exp(20) } },
    ]);
    const { summary } = simulate(design, runConfig({ durationSec: 300 }));
    expect(relErr(summary.components.db.arrivals / summary.components.cache.arrivals, 0.2)).toBeLessThan(0.03);
  });
});

describe('a queue', () => {
  const design: DesignInput = {
    components: [
      client('users', 50),
      service('api', { serviceTime: { dist: 'constant', value: 1 } }),
      { id: 'jobs', type: 'QUEUE', properties: { maxDeliveries: 3 } },
      service('worker', { workers: 2, serviceTime: exp(30) }),
    ],
    connections: [connect('users', 'api'), connect('api', 'jobs'), connect('jobs', 'worker')],
  };

  it('completes the producer on enqueue and delivers every message to a consumer', () => {
    const { summary } = simulate(design, runConfig({ durationSec: 200 }));
    expect(summary.endToEnd.latency.mean).toBeLessThan(1.1);
    // Deliveries are capped at the worker's free workers, so messages wait in the queue, not at the worker.
    expect(relErr(summary.components.worker.latency.mean, 30)).toBeLessThan(0.05);
    expect(summary.components.worker.meanQueueLength).toBe(0);
    expect(summary.components.jobs.latency.mean).toBeGreaterThan(summary.components.worker.latency.mean);
    expect(relErr(summary.components.worker.arrivals, summary.components.jobs.arrivals)).toBeLessThan(0.01);
    expect(summary.components.jobs.completions).toBeGreaterThan(0.98 * summary.components.jobs.arrivals);
  });

  it('holds messages while its consumer is down and delivers them after', () => {
    const { summary, timeseries } = simulate(design, runConfig({ durationSec: 200, faults: [{ type: 'crash', target: 'worker', startSec: 50, durationSec: 30 }] }));
    const backlog = timeseries.components.jobs.queueLength;
    expect(backlog[75]).toBeGreaterThan(1000);
    expect(backlog[199]).toBeLessThan(50);
    expect(summary.components.jobs.errors).toBe(0);
  });
});

describe('timeouts and retries', () => {
  const slow = (extra: Partial<ServiceProperties>): DesignInput =>
    chain([client('users', 50), service('api', { workers: 64, serviceTime: { dist: 'constant', value: 1 } }), service('db', { workers: 64, serviceTime: exp(40), ...extra })]);

  it('times out calls at the caller while the callee keeps working', () => {
    const { summary } = simulate(slow({ timeoutMs: 40 }), runConfig({ durationSec: 200 }));
    const db = summary.components.db;
    // P(service > 40 ms) = e^-1 for an exponential with mean 40 ms.
    expect(relErr(db.timeouts / db.arrivals, Math.exp(-1))).toBeLessThan(0.05);
    expect(relErr(summary.endToEnd.errorRate, Math.exp(-1))).toBeLessThan(0.05);
  });

  it('retries failed calls and so multiplies the load and lowers the error rate', () => {
    const once = simulate(slow({ errorRate: 0.3 }), runConfig({ durationSec: 200 })).summary;
    const retried = simulate(slow({ errorRate: 0.3, retry: { maxAttempts: 3, backoff: 'exponential', baseMs: 10, maxBackoffMs: 1000, jitter: true } }), runConfig({ durationSec: 200 })).summary;
    expect(relErr(once.endToEnd.errorRate, 0.3)).toBeLessThan(0.05);
    expect(relErr(retried.endToEnd.errorRate, 0.3 ** 3)).toBeLessThan(0.15);
    expect(relErr(retried.components.db.arrivals / retried.components.api.arrivals, 1 + 0.3 + 0.09)).toBeLessThan(0.03);
  });
});

describe('a circuit breaker', () => {
  it('opens under failures, rejects calls while open, and logs its transitions', () => {
    const design = chain([
      client('users', 100),
      service('api', { workers: 16, serviceTime: { dist: 'constant', value: 1 } }),
      service('payments', { workers: 16, serviceTime: exp(5), circuitBreaker: { failureThreshold: 0.5, windowSize: 20, openMs: 2000, halfOpenRequests: 1 } }),
    ]);
    const result = simulate(design, runConfig({ durationSec: 120, faults: [{ type: 'error', target: 'payments', startSec: 30, durationSec: 30, rate: 1 }] }));
    const payments = result.summary.components.payments;
    expect(payments.rejected).toBeGreaterThan(2000);
    expect(result.timeseries.components.payments.breakerState[45]).toBeGreaterThan(0);
    expect(result.timeseries.components.payments.breakerState[100]).toBe(0);
    const transitions = result.logs.filter((l) => l.event === 'breaker_state').map((l) => l.attributes?.to);
    expect(transitions).toContain('open');
    expect(transitions).toContain('half_open');
    expect(transitions[transitions.length - 1]).toBe('closed');
  });
});

describe('faults', () => {
  const design = chain([client('users', 50), service('api', { workers: 4, serviceTime: exp(10) }), { id: 'db', type: 'DATABASE', properties: { workers: 4, serviceTime: exp(10) } }]);

  it('a crash fails requests only during its window, and is logged', () => {
    const result = simulate(design, runConfig({ durationSec: 90, faults: [{ type: 'crash', target: 'db', startSec: 30, durationSec: 20 }] }));
    const errors = result.timeseries.endToEnd.errors;
    expect(errors.slice(0, 30).every((e) => e === 0)).toBe(true);
    expect(errors.slice(31, 49).every((e) => e > 20)).toBe(true);
    expect(errors.slice(51).every((e) => e === 0)).toBe(true);
    expect(result.logs.some((l) => l.event === 'fault_start' && l.componentId === 'db')).toBe(true);
    expect(result.faults).toEqual([{ type: 'crash', target: 'db', startSec: 30, endSec: 50, params: {} }]);
  });

  it('failed requests are logged where a search finds them: sampled per component and reason, with counts', () => {
    const result = simulate(design, runConfig({ durationSec: 90, faults: [{ type: 'crash', target: 'db', startSec: 30, durationSec: 20 }] }));
    const failures = result.logs.filter((l) => l.level === 'error' && /^request_/.test(l.event));
    // Every second of the crash has records at the database (unavailable) and at the caller (error from downstream).
    expect(failures.some((l) => l.componentId === 'db' && /unavailable/.test(l.message))).toBe(true);
    expect(failures.some((l) => l.componentId === 'api' && /error/.test(l.message))).toBe(true);
    expect(failures.every((l) => l.timeMs >= 30_000 && l.timeMs <= 51_000)).toBe(true);
    // The fault's start comes first, before the failures it caused at that instant.
    const atStart = result.logs.filter((l) => l.timeMs === 30_000 && l.componentId === 'db');
    expect(atStart[0]?.event).toBe('fault_start');
    // Rate-limited: a few per component, reason and second, then one record with the count.
    const perSecond = new Map<string, number>();
    for (const l of failures.filter((f) => !f.event.endsWith('_suppressed'))) {
      const key = `${l.componentId} ${l.event} ${Math.floor(l.timeMs / 1000)}`;
      perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(3);
    const counted = failures.filter((l) => l.event.endsWith('_suppressed')).reduce((sum, l) => sum + Number(l.attributes?.suppressed ?? 0), 0);
    const totalErrors = result.timeseries.components.db.errors.reduce((a, b) => a + b, 0);
    expect(counted + perSecond.size).toBeGreaterThan(0.5 * totalErrors);
    expect(failures.length).toBeLessThan(0.2 * totalErrors);
  });

  it('a slowdown multiplies service times and a latency fault adds to them', () => {
    const base = simulate(design, runConfig({ durationSec: 200 })).summary.components.db.latency.mean;
    const slowed = simulate(design, runConfig({ durationSec: 200, faults: [{ type: 'slowdown', target: 'db', startSec: 0, factor: 2 }] })).summary.components.db.latency.mean;
    const delayed = simulate(design, runConfig({ durationSec: 200, faults: [{ type: 'latency', target: 'db', startSec: 0, delayMs: 50 }] })).summary.components.db.latency.mean;
    expect(slowed).toBeGreaterThan(base * 1.8);
    expect(delayed).toBeGreaterThan(base + 45);
  });

  it('a partition loses every message; callers with a timeout see timeouts', () => {
    const withTimeout: DesignInput = { ...design, components: design.components.map((c) => (c.id === 'db' ? { ...c, properties: { ...c.properties, timeoutMs: 500 } } : c)) };
    const { summary } = simulate(withTimeout, runConfig({ durationSec: 60, faults: [{ type: 'partition', target: 'api->db', startSec: 0 }] }));
    expect(summary.components.db.arrivals).toBe(0);
    expect(summary.components.db.timeouts).toBeGreaterThan(2500);
    expect(summary.endToEnd.errorRate).toBe(1);
  });
});

describe('autoscaling', () => {
  it('adds replicas under load after the scale-out delay and removes them when load falls', () => {
    const design = chain([
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50, profile: { shape: 'spike', ratePerSec: 600, startSec: 60, durationSec: 120 } } } },
      service('api', { workers: 4, replicas: 2, serviceTime: exp(20), autoscaling: { minReplicas: 2, maxReplicas: 10, targetUtilization: 0.6, scaleOutDelaySec: 10, cooldownSec: 30, evaluationIntervalSec: 5 } }),
    ]);
    const result = simulate(design, runConfig({ durationSec: 400 }));
    const replicas = result.timeseries.components.api.replicas;
    expect(replicas[50]).toBe(2);
    expect(Math.max(...replicas.slice(60, 70))).toBe(2);
    // 600/s × 20 ms = 12 busy workers; at 60% of 4 workers each that is 5 replicas.
    expect(replicas[170]).toBeGreaterThanOrEqual(5);
    expect(replicas[399]).toBeLessThanOrEqual(3);
    expect(result.logs.some((l) => l.event === 'scale_out')).toBe(true);
  });
});

describe('arrival profiles', () => {
  it('follows a piecewise-linear rate', () => {
    const design = chain([
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 1, profile: { shape: 'points', points: [[0, 100], [100, 500], [200, 100]] } } } },
      service('api', { workers: 100, serviceTime: exp(1) }),
    ]);
    const arrivals = simulate(design, runConfig({ durationSec: 200 })).timeseries.components.api.arrivals;
    const around = (t: number) => arrivals.slice(t - 5, t + 5).reduce((a, b) => a + b, 0) / 10;
    expect(relErr(around(50), 300)).toBeLessThan(0.1);
    expect(relErr(around(100), 480)).toBeLessThan(0.1);
    expect(relErr(around(190), 140)).toBeLessThan(0.1);
  });
});

describe('simulation runs', () => {
  const mm1 = chain([client('users', 80), service('svc', { serviceTime: exp(10) })]);

  it('gives identical results for the same seed and different ones for another seed', () => {
    const config = runConfig({ durationSec: 60, tracing: { sampleRate: 0.05, maxTraces: 50, slowest: 5, maxLogs: 100 } });
    const strip = (r: ReturnType<typeof simulate>) => JSON.stringify({ ...r, wallMs: 0 });
    expect(strip(simulate(mm1, config))).toBe(strip(simulate(mm1, config)));
    expect(strip(simulate(mm1, { ...config, seed: 2 }))).not.toBe(strip(simulate(mm1, config)));
  });

  it('reports a 95% confidence half-width per metric with replications', () => {
    const result = simulate(mm1, runConfig({ durationSec: 200, warmupSec: 20, replications: 5 }));
    expect(result.replications).toBe(5);
    expect(result.perReplication).toHaveLength(5);
    expect(result.ci95?.endToEnd.latency.mean).toBeGreaterThan(0);
    expect(Math.abs(result.summary.endToEnd.latency.mean - 50)).toBeLessThan(3 * (result.ci95?.endToEnd.latency.mean ?? 0) + 1);
  });

  it('adds replications until the headline metrics reach the target precision', () => {
    const result = simulate(mm1, runConfig({ durationSec: 200, warmupSec: 10, targetRelError: 0.05, maxReplications: 40 }));
    expect(result.stoppingRule?.achieved).toBe(true);
    expect(result.stoppingRule?.maxRelativeHalfWidth).toBeLessThanOrEqual(0.05);
    expect(result.replications).toBeGreaterThan(2);
    expect(result.replications).toBeLessThan(40);
  });

  it('detects the warm-up of a transient with MSER-5', () => {
    const overloadedStart = chain([
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 80, profile: { shape: 'spike', ratePerSec: 200, startSec: 0, durationSec: 30 } } } },
      service('svc', { serviceTime: exp(10) }),
    ]);
    const result = simulate(overloadedStart, runConfig({ durationSec: 600, warmupSec: 'auto' }));
    expect(result.settings.warmupMode).toBe('auto');
    expect(result.settings.warmupSec).toBeGreaterThan(30);
    expect(result.settings.warmupSec).toBeLessThan(300);
  });

  it('reports progress, and stops when cancelled', () => {
    const fractions: number[] = [];
    simulate(mm1, runConfig({ durationSec: 600 }), { onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions[fractions.length - 1]).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    let polls = 0;
    expect(() => simulate(mm1, runConfig({ durationSec: 600 }), { shouldCancel: () => ++polls > 2 })).toThrow('cancelled');
  });

  it('stops with a clear error past its events budget', () => {
    expect(() => simulate(mm1, runConfig({ durationSec: 600, maxEvents: 10_000 }))).toThrow(/budget of 10000 events/);
  });

  it('caps asynchronous loops through a queue at the hop limit', () => {
    const loop: DesignInput = {
      components: [client('users', 1, 'constant'), service('a', { workers: 10, serviceTime: { dist: 'constant', value: 1 } }), { id: 'q', type: 'QUEUE', properties: { maxDeliveries: 1 } }],
      connections: [connect('users', 'a'), connect('a', 'q'), connect('q', 'a')],
    };
    const result = simulate(loop, runConfig({ durationSec: 10 }));
    expect(result.logs.some((l) => l.event === 'hop_limit')).toBe(true);
    expect(result.events).toBeLessThan(10_000);
  });

  it('keeps traces bounded and always keeps failed requests', () => {
    const design = chain([client('users', 200), service('svc', { workers: 4, serviceTime: exp(10), errorRate: 0.01 })]);
    const result = simulate(design, runConfig({ durationSec: 120, tracing: { sampleRate: 0.5, maxTraces: 100, slowest: 10, maxLogs: 100 } }));
    expect(result.traces.length).toBeLessThanOrEqual(100);
    expect(result.traces.filter((t) => t.reason === 'error').length).toBeGreaterThan(20);
    const trace = result.traces.find((t) => t.status === 'ERROR')!;
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    const root = trace.spans.find((s) => s.parentSpanId === null)!;
    expect(trace.spans.some((s) => s.parentSpanId === root.spanId && s.status.code === 'ERROR')).toBe(true);
    expect(result.logs.length).toBeLessThanOrEqual(100);
  });

  it('holds a worker during downstream calls only with blockingCalls', () => {
    const build = (blockingCalls: boolean) =>
      chain([client('users', 50), service('api', { workers: 4, blockingCalls, serviceTime: { dist: 'constant', value: 1 } }), service('db', { workers: 64, serviceTime: { dist: 'constant', value: 50 } })]);
    const free = simulate(build(false), runConfig({ durationSec: 100 })).summary.components.api.utilization;
    const held = simulate(build(true), runConfig({ durationSec: 100 })).summary.components.api.utilization;
    expect(relErr(free, (50 * 0.001) / 4)).toBeLessThan(0.05);
    expect(relErr(held, (50 * 0.051) / 4)).toBeLessThan(0.05);
  });
});
