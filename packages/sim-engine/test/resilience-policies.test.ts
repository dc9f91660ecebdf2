import { Scheduler } from '../src';
import { BreakerState, CircuitBreaker } from '../src/model/circuit-breaker';
import type { SimContext } from '../src/model/context';
import type { CircuitBreakerSpec, RetrySpec } from '../src/model/design';
import type { SimNode } from '../src/model/node';
import { retryDelayMs } from '../src/model/retry-backoff';
import { createStream } from '../src/random/rng';

/*
 * The resilience policies on their own, number by number: mutants such as a doubled failure
 * threshold or a constant "exponential" backoff change these figures.
 */

describe('retry backoff', () => {
  const rng = createStream(1, 'test', 0, 'backoff');
  const policy = (overrides: Partial<RetrySpec>): RetrySpec => ({ maxAttempts: 6, backoff: 'exponential', baseMs: 10, maxBackoffMs: 1000, jitter: false, ...overrides });

  it('doubles the delay after each failed attempt when exponential, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(policy({}), attempt, rng))).toEqual([10, 20, 40, 80, 160]);
    expect([6, 7, 8].map((attempt) => retryDelayMs(policy({ maxBackoffMs: 400 }), attempt, rng))).toEqual([320, 400, 400]);
  });

  it('keeps the base delay when constant, capped too', () => {
    expect([1, 2, 5].map((attempt) => retryDelayMs(policy({ backoff: 'constant' }), attempt, rng))).toEqual([10, 10, 10]);
    expect(retryDelayMs(policy({ backoff: 'constant', maxBackoffMs: 4 }), 3, rng)).toBe(4);
  });

  it('draws a full jitter uniformly in [0, delay]', () => {
    const draws = Array.from({ length: 20_000 }, () => retryDelayMs(policy({ jitter: true }), 3, rng));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(40);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - 20)).toBeLessThan(0.5);
  });
});

describe('a circuit breaker, call by call', () => {
  function breaker(spec: Partial<CircuitBreakerSpec> = {}) {
    const scheduler = new Scheduler();
    const logs: string[] = [];
    const ctx = { scheduler, events: { breakerHalfOpen: scheduler.register((b: CircuitBreaker) => b.halfOpen()) }, log: (_l: string, _e: string, _c: string, message: string) => logs.push(message) } as unknown as SimContext;
    const node = { id: 'db', announceCapacity: () => undefined } as unknown as SimNode;
    const b = new CircuitBreaker(ctx, node, { failureThreshold: 0.5, windowSize: 10, openMs: 1000, halfOpenRequests: 2, ...spec });
    return { b, scheduler, logs };
  }
  const feed = (b: CircuitBreaker, outcomes: string) => {
    for (const c of outcomes) {
      expect(b.allow()).toBe(true);
      b.record(c === '.', b.generation);
    }
  };

  it('stays closed below the threshold and opens on the call that reaches it, once the window is full', () => {
    const { b } = breaker();
    feed(b, '....xxxx..'); // 4 failures of 10: 40 %
    expect(b.state).toBe(BreakerState.Closed);
    feed(b, 'x'); // window now ...xxxx..x: 5 of 10 = 50 %
    expect(b.state).toBe(BreakerState.Open);
    expect(b.allow()).toBe(false);
  });

  it('does not judge a window that is not full yet', () => {
    const { b } = breaker();
    feed(b, 'xxxxxxxxx');
    expect(b.state).toBe(BreakerState.Closed);
    feed(b, 'x');
    expect(b.state).toBe(BreakerState.Open);
  });

  it('half-opens after openMs, lets halfOpenRequests trials through, and closes when they all succeed', () => {
    const { b, scheduler } = breaker();
    feed(b, 'xxxxxxxxxx');
    scheduler.run(999, 1000);
    expect(b.state).toBe(BreakerState.Open);
    scheduler.run(1000, 1000);
    expect(b.state).toBe(BreakerState.HalfOpen);
    expect([b.allow(), b.allow(), b.allow()]).toEqual([true, true, false]);
    b.record(true, b.generation);
    expect(b.state).toBe(BreakerState.HalfOpen);
    b.record(true, b.generation);
    expect(b.state).toBe(BreakerState.Closed);
  });

  it('reopens at the first failed trial and ignores results of calls sent in an earlier state', () => {
    const { b, scheduler } = breaker();
    feed(b, 'xxxxxxxxxx');
    const stale = b.generation - 1;
    scheduler.run(1000, 1000);
    b.record(false, stale);
    expect(b.state).toBe(BreakerState.HalfOpen);
    b.allow();
    b.record(false, b.generation);
    expect(b.state).toBe(BreakerState.Open);
  });
});
