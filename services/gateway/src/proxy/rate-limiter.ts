/**
 * Token buckets per client address: `ratePerMin` tokens a minute up to `burst`. Memory is bounded:
 * full buckets are dropped on a periodic sweep, and at most `maxClients` are tracked.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    private readonly ratePerMin: number,
    private readonly burst: number,
    private readonly maxClients = 100_000,
  ) {}

  /** Takes one token for `client`; returns 0 when allowed, else the seconds to wait. */
  take(client: string, nowMs: number): number {
    if (this.ratePerMin <= 0) return 0;
    const perMs = this.ratePerMin / 60_000;
    let bucket = this.buckets.get(client);
    if (!bucket) {
      if (this.buckets.size >= this.maxClients) this.sweep(nowMs);
      bucket = { tokens: this.burst, updatedMs: nowMs };
      this.buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / perMs / 1000);
  }

  private sweep(nowMs: number): void {
    const perMs = this.ratePerMin / 60_000;
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (nowMs - bucket.updatedMs) * perMs >= this.burst) this.buckets.delete(client);
    }
    if (this.buckets.size >= this.maxClients) this.buckets.clear();
  }
}
