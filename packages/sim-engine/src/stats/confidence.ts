import { studentTQuantile } from './student-t';

/** A sample mean with the half-width of its two-sided confidence interval. */
export interface MeanWithCi {
  /** Sample mean. */
  mean: number;
  /** Half-width of the interval: the interval is [mean - halfWidth, mean + halfWidth]. */
  halfWidth: number;
  /** Number of observations (e.g. independent replications) behind the estimate. */
  n: number;
}

/**
 * Sample mean with a 95 % Student-t confidence half-width, t_{0.975, n-1} * s / sqrt(n), where s is
 * the unbiased sample standard deviation. Intended for means of independent replications.
 *
 * With n = 1 the half-width is 0: a single replication gives no estimate of the variance, so no
 * interval can be computed; callers should treat it as "unknown precision", not "exact".
 * @throws RangeError for an empty input (there is no mean to report).
 */
export function meanWithCi95(values: readonly number[]): MeanWithCi {
  const n = values.length;
  if (n === 0) throw new RangeError('meanWithCi95: at least one value is required');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const firstMean = sum / n;
  if (n === 1) return { mean: firstMean, halfWidth: 0, n };

  // Corrected two-pass algorithm: the second pass avoids the cancellation of sum(x^2) - n*mean^2,
  // and the residual sum of deviations corrects the rounding error left in the first-pass mean.
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - firstMean;
    squares += d * d;
    deviations += d;
  }
  const mean = firstMean + deviations / n;
  const variance = Math.max(0, (squares - (deviations * deviations) / n) / (n - 1));
  const halfWidth = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { mean, halfWidth, n };
}

/**
 * Half-width relative to the magnitude of the mean, the usual stopping criterion for replications.
 * Infinity when the mean is 0 but the interval is not (no relative precision is achievable),
 * 0 when both are 0 (every replication agreed exactly on 0).
 */
export function relativeHalfWidth(ci: MeanWithCi): number {
  const magnitude = Math.abs(ci.mean);
  if (magnitude === 0) return ci.halfWidth === 0 ? 0 : Infinity;
  return ci.halfWidth / magnitude;
}
