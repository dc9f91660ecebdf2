import type { Rng } from '../random/rng';
import type { RetrySpec } from './design';

/**
 * Delay before retry number `attempt` (1 = the first retry): `baseMs × 2^(attempt−1)` for
 * exponential backoff or `baseMs` for constant, capped at `maxBackoffMs`; with jitter, a uniform
 * draw in [0, delay] ("full jitter", which spreads synchronized retries best).
 */
export function retryDelayMs(policy: RetrySpec, attempt: number, rng: Rng): number {
  const raw = policy.backoff === 'exponential' ? policy.baseMs * Math.pow(2, attempt - 1) : policy.baseMs;
  const capped = Math.min(raw, policy.maxBackoffMs);
  return policy.jitter ? rng.next() * capped : capped;
}
