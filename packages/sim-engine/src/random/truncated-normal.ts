import { normalCdf, normalPdf } from './special-functions';

/**
 * How many draws the `normal` sampler makes before giving up on a
 * non-negative value and returning 0. Bounds the worst-case cost of one
 * sample when the mean sits far below zero.
 */
export const MAX_NORMAL_TRIES = 64;

/** Mean and variance of a distribution, as plain numbers. */
export interface Moments {
  readonly mean: number;
  readonly variance: number;
}

/**
 * Exact moments of what the `normal` sampler actually produces: N(mean, sd²)
 * truncated to [0, ∞) by rejection, except that after {@link MAX_NORMAL_TRIES}
 * rejections it returns 0.
 *
 * With a = −mean/sd, λ = φ(a)/(1 − Φ(a)), the truncated normal T has
 * E[T] = mean + sd·λ and Var[T] = sd²·(1 + a·λ − λ²). The give-up path puts
 * mass q = Φ(a)^MAX_NORMAL_TRIES at 0; q is below 1e-19 whenever mean >= 0, so
 * then these equal the textbook truncated-normal moments, but for means well
 * below 0 it dominates and is included so analytic checks match simulation.
 */
export function truncatedNormalMoments(mean: number, sd: number): Moments {
  if (sd === 0) {
    const v = mean > 0 ? mean : 0;
    return { mean: v, variance: 0 };
  }
  const a = -mean / sd;
  const upper = normalCdf(-a); // 1 − Φ(a), computed without cancellation
  // P(at least one of the tries lands >= 0), without losing precision when upper is tiny.
  const accept = -Math.expm1(MAX_NORMAL_TRIES * Math.log1p(-upper));
  if (accept === 0 || upper === 0) return { mean: 0, variance: 0 };
  const lambda = normalPdf(a) / upper;
  const tMean = mean + sd * lambda;
  // Clamp: for large a the bracket is a difference of nearly equal terms.
  const tVar = Math.max(0, sd * sd * (1 + a * lambda - lambda * lambda));
  return {
    mean: accept * tMean,
    variance: accept * tVar + accept * (1 - accept) * tMean * tMean,
  };
}
