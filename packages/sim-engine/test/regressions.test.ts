import type { DesignInput } from '@architech/contracts';
import { chain, client, connect, runConfig, service, simulate } from './fixtures';

const exp = (mean: number) => ({ dist: 'exponential' as const, mean });

describe('fault and queue edge cases', () => {
  it('keeps a component down until every overlapping crash has ended', () => {
    const design = chain([client('users', 50), service('api', { replicas: 2, workers: 4, serviceTime: exp(5) })]);
    const result = simulate(design, runConfig({
      durationSec: 60,
      faults: [
        { type: 'crash', target: 'api', startSec: 10, durationSec: 10 },
        { type: 'crash', target: 'api', startSec: 15, durationSec: 20 },
      ],
    }));
    const errors = result.timeseries.endToEnd.errors;
    expect(errors.slice(10, 35).every((e) => e > 20)).toBe(true);
    expect(errors.slice(36).every((e) => e === 0)).toBe(true);
  });

  it('crashes only the asked number of replicas, and the rest keep serving', () => {
    const design = chain([client('users', 50), service('api', { replicas: 4, workers: 4, serviceTime: exp(5) })]);
    const result = simulate(design, runConfig({ durationSec: 60, faults: [{ type: 'crash', target: 'api', startSec: 10, durationSec: 20, replicas: 2 }] }));
    expect(result.summary.endToEnd.errors).toBeLessThan(20);
    expect(result.logs.find((l) => l.event === 'fault_start')?.attributes?.replicas).toBe(2);
  });

  it('counts a queue message once: enqueued as an arrival, consumed as a completion', () => {
    const design: DesignInput = {
      components: [client('users', 20), { id: 'q', type: 'QUEUE', properties: {} }, service('worker', { workers: 4, serviceTime: exp(10) })],
      connections: [connect('users', 'q'), connect('q', 'worker')],
    };
    const q = simulate(design, runConfig({ durationSec: 100 })).summary.components.q;
    expect(q.completions).toBeLessThanOrEqual(q.arrivals);
    expect(q.completions).toBeGreaterThan(0.99 * q.arrivals);
    expect(q.latency.p50).toBeGreaterThan(5);
  });

  it('holds messages while the consumer’s breaker is open instead of dead-lettering them', () => {
    const design: DesignInput = {
      components: [
        client('users', 20),
        { id: 'q', type: 'QUEUE', properties: { maxDeliveries: 2 } },
        service('worker', { workers: 4, serviceTime: exp(10), circuitBreaker: { failureThreshold: 0.5, windowSize: 10, openMs: 3000, halfOpenRequests: 1 } }),
      ],
      connections: [connect('users', 'q'), connect('q', 'worker')],
    };
    const result = simulate(design, runConfig({ durationSec: 60, faults: [{ type: 'error', target: 'worker', startSec: 10, durationSec: 5, rate: 1 }] }));
    expect(result.summary.components.q.errors).toBeLessThan(40);
    expect(result.summary.components.worker.rejected).toBe(0);
  });

  it('applies an error fault to a load balancer that adds no service time', () => {
    const design = chain([client('users', 50), { id: 'lb', type: 'LOAD_BALANCER', properties: {} }, service('api', { workers: 4, serviceTime: exp(5) })]);
    const { summary } = simulate(design, runConfig({ durationSec: 30, faults: [{ type: 'error', target: 'lb', startSec: 0, rate: 1 }] }));
    expect(summary.endToEnd.errorRate).toBe(1);
    expect(summary.components.api.arrivals).toBe(0);
  });

  it('never reports utilisation above 1 while replicas drain after a scale-in', () => {
    const design = chain([
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50, profile: { shape: 'spike', ratePerSec: 400, startSec: 30, durationSec: 60 } } } },
      service('api', { workers: 2, replicas: 2, serviceTime: exp(20), autoscaling: { minReplicas: 2, maxReplicas: 12, targetUtilization: 0.6, scaleOutDelaySec: 5, cooldownSec: 10, evaluationIntervalSec: 5 } }),
    ]);
    const util = simulate(design, runConfig({ durationSec: 200 })).timeseries.components.api.utilization;
    expect(Math.max(...util)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('detects warm-up on a pilot run with its own random streams', () => {
    const design = chain([client('users', 80), service('svc', { serviceTime: exp(10) })]);
    const auto = simulate(design, runConfig({ durationSec: 300, warmupSec: 'auto' }));
    const fixed = simulate(design, runConfig({ durationSec: 300, warmupSec: auto.settings.warmupSec }));
    expect(JSON.stringify(auto.summary)).toBe(JSON.stringify(fixed.summary));
    expect(auto.events).toBeGreaterThan(fixed.events);
  });
});

describe('live series', () => {
  it('reports every bucket of the first replication as it closes, matching the final series', () => {
    const design = chain([client('users', 50), service('api', { workers: 2, serviceTime: exp(10) })]);
    const seen: { replication: number; index: number; completions: number }[] = [];
    const result = simulate(design, runConfig({ durationSec: 30 }), { onSeriesBucket: (b) => seen.push({ replication: b.replication, index: b.index, completions: b.components.api.completions }) });
    expect(seen.map((b) => b.index)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(seen.every((b) => b.replication === 0)).toBe(true);
    expect(seen.map((b) => b.completions)).toEqual(result.timeseries.components.api.completions);
  });

  it('hands over each log record once, in order, with its index in the final log', () => {
    const design = chain([client('users', 50), service('api', { workers: 2, serviceTime: exp(10) })]);
    const streamed: unknown[] = [];
    const result = simulate(design, runConfig({ durationSec: 60, faults: [{ type: 'crash', target: 'api', startSec: 20, durationSec: 10 }] }), {
      onSeriesBucket: (b) => {
        expect(b.firstLogIndex).toBe(streamed.length);
        streamed.push(...b.logs);
      },
    });
    expect(result.logs.length).toBeGreaterThan(1);
    expect(streamed).toEqual(result.logs);
  });
});
