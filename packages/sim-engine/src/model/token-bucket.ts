import type { RateLimitSpec } from './design';

/**
 * A token bucket in front of a component (`rateLimit`): it holds at most `burst` tokens, starts
 * full, and refills continuously at `perSec` tokens per second; each admitted call takes one token.
 * Over a long window it admits at most burst + perSec × seconds calls. Allocation-free.
 */
export class TokenBucket {
  private readonly perMs: number;
  private readonly burst: number;
  /** Initialised with a number (see TimeWeightedValue): it changes on every call. */
  private tokens = 0;
  private lastMs = 0;

  constructor(policy: RateLimitSpec) {
    this.perMs = policy.perSec / 1000;
    this.burst = policy.burst;
    this.tokens = policy.burst;
  }

  /** Takes a token at `nowMs` if one is there; false means the call is throttled. */
  take(nowMs: number): boolean {
    const refilled = this.tokens + (nowMs - this.lastMs) * this.perMs;
    this.tokens = refilled < this.burst ? refilled : this.burst;
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
