import type { RetrySpec } from '../../src';
import { client, connect } from '../fixtures';
import { flagged, healthy, only, station } from './review-fixtures';

const retry = (maxAttempts: number, extra: Partial<RetrySpec> = {}): RetrySpec => ({ maxAttempts, backoff: 'exponential', baseMs: 50, maxBackoffMs: 10_000, jitter: true, ...extra });
const breaker = { failureThreshold: 0.5, windowSize: 20, openMs: 5000, halfOpenRequests: 1 };

describe('missing-timeout', () => {
  it('warns when calls into a component with downstreams have no timeout, and proposes at least 2 s', () => {
    const [f] = flagged(healthy({ api: { timeoutMs: undefined } }), 'missing-timeout');
    expect(f).toMatchObject({ outcome: 'warn', components: ['api'] });
    expect(f.fix?.changes).toEqual([{ componentId: 'api', properties: { timeoutMs: 2000 } }]);
  });

  it('passes when such components have a timeout (a leaf needs none)', () => {
    expect(only(healthy({ db: { timeoutMs: undefined } }), 'missing-timeout').outcome).toBe('pass');
  });
});

describe('cascading-blocking-call', () => {
  it('fails a blocking station whose callee has no timeout', () => {
    const [f] = flagged(healthy({ api: { blockingCalls: true, queueCapacity: 10 }, db: { timeoutMs: undefined } }), 'cascading-blocking-call');
    expect(f).toMatchObject({ outcome: 'fail', severity: 'high', components: ['api', 'db'] });
    expect(f.fix?.changes[0]).toMatchObject({ componentId: 'db', properties: { timeoutMs: 2000 } });
  });

  it('passes when the blocking call has a timeout below it', () => {
    expect(only(healthy({ api: { blockingCalls: true, queueCapacity: 10 } }), 'cascading-blocking-call').outcome).toBe('pass');
  });
});

describe('timeout-below-callee-p99', () => {
  // api's p99 path: its own p99 (10 ms × ln 100 = 46 ms) + db's (46 ms) ≈ 92 ms
  it('warns when callers give up before the p99 path, and fails when those calls are retried', () => {
    const [warned] = flagged(healthy({ api: { timeoutMs: 50 } }), 'timeout-below-callee-p99');
    expect(warned).toMatchObject({ outcome: 'warn', components: ['api'] });
    expect(warned.evidence[0]).toMatchObject({ figures: { timeoutMs: 50 } });
    expect((warned.evidence[0] as { figures: { p99PathMs: number } }).figures.p99PathMs).toBeCloseTo(2 * 10 * Math.log(100), 1);
    const [failed] = flagged(healthy({ api: { timeoutMs: 50, retry: retry(2), circuitBreaker: breaker } }), 'timeout-below-callee-p99');
    expect(failed.outcome).toBe('fail');
    expect(failed.fix?.changes[0].properties.timeoutMs).toBe(200); // 1.5 × 92 → 200
  });

  it('passes a timeout above the p99 path', () => {
    expect(only(healthy({ api: { timeoutMs: 100 } }), 'timeout-below-callee-p99').outcome).toBe('pass');
  });
});

describe('retry-without-backoff', () => {
  it('fails immediate retries, warns on missing jitter, passes exponential with jitter', () => {
    expect(flagged(healthy({ db: { retry: retry(3, { backoff: 'constant', baseMs: 0 }), circuitBreaker: breaker } }), 'retry-without-backoff')[0]).toMatchObject({ outcome: 'fail', severity: 'high' });
    const [noJitter] = flagged(healthy({ db: { retry: retry(3, { jitter: false }), circuitBreaker: breaker } }), 'retry-without-backoff');
    expect(noJitter).toMatchObject({ outcome: 'warn' });
    expect(noJitter.fix?.changes[0].properties.retry).toMatchObject({ backoff: 'exponential', jitter: true });
    expect(only(healthy({ db: { retry: retry(3), circuitBreaker: breaker } }), 'retry-without-backoff').outcome).toBe('pass');
  });
});

describe('retry-amplification', () => {
  it('fails when the product of maxAttempts along a path exceeds 10, and keeps retries at the outer layer', () => {
    const [f] = flagged(healthy({ api: { retry: retry(4), circuitBreaker: breaker }, db: { retry: retry(3), circuitBreaker: breaker } }), 'retry-amplification');
    expect(f).toMatchObject({ outcome: 'fail', components: ['api', 'db'] });
    expect(f.evidence[1]).toMatchObject({ figures: { amplification: 12 } });
    expect(f.fix?.changes).toEqual([{ componentId: 'db', properties: { retry: retry(1) } }]);
  });

  it('passes a product of 10 or less', () => {
    expect(only(healthy({ api: { retry: retry(3), circuitBreaker: breaker }, db: { retry: retry(3), circuitBreaker: breaker } }), 'retry-amplification').outcome).toBe('pass');
  });
});

describe('retry-without-breaker', () => {
  it('warns on a retried dependency without a breaker and proposes one', () => {
    const [f] = flagged(healthy({ db: { retry: retry(3) } }), 'retry-without-breaker');
    expect(f).toMatchObject({ outcome: 'warn', components: ['db'] });
    expect(f.fix?.changes[0].properties.circuitBreaker).toEqual(breaker);
    expect(only(healthy({ db: { retry: retry(3), circuitBreaker: breaker } }), 'retry-without-breaker').outcome).toBe('pass');
  });
});

describe('unbounded-waiting-room', () => {
  it('warns on a blocking station with an unbounded queue; bounded by what it serves within its timeout', () => {
    const [f] = flagged(healthy({ api: { blockingCalls: true } }), 'unbounded-waiting-room');
    expect(f).toMatchObject({ outcome: 'warn', components: ['api'] });
    // 2000 ms timeout ÷ 20 ms held × 4 workers = 400
    expect(f.fix?.changes[0].properties).toEqual({ queueCapacity: 400 });
    expect(only(healthy({ api: { blockingCalls: true, queueCapacity: 400 } }), 'unbounded-waiting-room').outcome).toBe('pass');
  });
});

describe('queue-backlog', () => {
  const withQueue = (rate: number, consumerConcurrency?: number) => ({
    components: [
      client('producers', rate),
      station('api', { timeoutMs: 2000 }),
      { id: 'jobs', type: 'QUEUE' as const, properties: { maxDeliveries: 3, ...(consumerConcurrency ? { consumerConcurrency } : {}) } },
      station('worker', { replicas: 2, workers: 2, serviceTime: { dist: 'exponential', mean: 100 } }),
    ],
    connections: [connect('producers', 'api'), connect('api', 'jobs'), connect('jobs', 'worker')],
  });

  it('fails when consumers drain slower than the peak inflow', () => {
    // worker: 4 workers / 100 ms = 40 msg/s; inflow 50 msg/s
    const [f] = flagged(withQueue(50), 'queue-backlog');
    expect(f).toMatchObject({ outcome: 'fail', domain: 'storage', components: ['jobs', 'worker'] });
    expect(f.evidence[0]).toMatchObject({ figures: { inflowPeak: 50, drainRate: 40 } });
    expect(f.fix?.changes[0]).toMatchObject({ componentId: 'worker' });
  });

  it('counts a consumerConcurrency limit', () => {
    expect(flagged(withQueue(20, 1), 'queue-backlog')[0]).toMatchObject({ outcome: 'fail' }); // 1 / 100 ms = 10 msg/s
    expect(only(withQueue(20), 'queue-backlog').outcome).toBe('pass');
  });
});
