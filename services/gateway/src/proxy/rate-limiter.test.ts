import { RateLimiter } from './rate-limiter';

describe('the gateway rate limiter', () => {
  it('allows a burst, then one request per refill interval, per client', () => {
    const limiter = new RateLimiter(60, 3);
    expect([0, 0, 0].map(() => limiter.take('a', 0))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 0)).toBe(1);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1000)).toBeGreaterThan(0);
  });

  it('is off when the rate is 0', () => {
    const limiter = new RateLimiter(0, 1);
    for (let i = 0; i < 100; i++) expect(limiter.take('a', 0)).toBe(0);
  });

  it('bounds the clients it remembers', () => {
    const limiter = new RateLimiter(60, 1, 10);
    for (let i = 0; i < 1000; i++) limiter.take(`client-${i}`, i * 10_000);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(10);
  });
});
