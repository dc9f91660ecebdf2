import { meanWithCi95 } from '../stats/confidence';
import { studentTQuantile } from '../stats/student-t';
import type { CheckOp, CriterionVerdict } from './types';

/** `actual op threshold`; a missing (NaN) value holds no bound. */
export function holds(actual: number, op: CheckOp, threshold: number): boolean {
  if (Number.isNaN(actual)) return false;
  switch (op) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
  }
}

export interface IntervalVerdict {
  mean: number | null;
  halfWidth: number | null;
  verdict: CriterionVerdict;
  replicationsNeeded?: number | null;
}

/**
 * The verdict of one criterion from its per-replication values (docs/checks.md):
 * - with two or more finite values, the 95 % interval mean ± half-width decides: **pass** when the
 *   whole interval satisfies `op threshold`, **fail** when no point of it does, else
 *   **inconclusive**, with an estimate of the replications that would settle it;
 * - with one replication there is no interval: its value decides;
 * - a replication without a value (NaN: no successful request) makes the criterion fail;
 *   infinite values (never recovered) decide by the per-replication comparisons: pass if all hold,
 *   fail if none does, else inconclusive.
 */
export function intervalVerdict(values: readonly number[], op: CheckOp, threshold: number, maxReplications: number): IntervalVerdict {
  if (values.length === 0 || values.some(Number.isNaN)) return { mean: null, halfWidth: null, verdict: 'fail' };
  if (values.some((v) => !Number.isFinite(v))) {
    const held = values.filter((v) => holds(v, op, threshold)).length;
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    return { mean: Number.isNaN(mean) ? null : mean, halfWidth: null, verdict: held === values.length ? 'pass' : held === 0 ? 'fail' : 'inconclusive', replicationsNeeded: held === values.length || held === 0 ? undefined : null };
  }
  const { mean, halfWidth, n } = meanWithCi95(values);
  if (n === 1) return { mean, halfWidth: null, verdict: holds(mean, op, threshold) ? 'pass' : 'fail' };
  const low = mean - halfWidth;
  const high = mean + halfWidth;
  const allHold = holds(low, op, threshold) && holds(high, op, threshold);
  const noneHolds = !holds(low, op, threshold) && !holds(high, op, threshold) && !holds(mean, op, threshold);
  if (allHold) return { mean, halfWidth, verdict: 'pass' };
  if (noneHolds) return { mean, halfWidth, verdict: 'fail' };
  return { mean, halfWidth, verdict: 'inconclusive', replicationsNeeded: replicationsToSettle(mean, halfWidth, n, threshold, maxReplications) };
}

/**
 * The smallest n at which the interval, narrowing as t(n−1)·s/√n with the standard deviation
 * observed so far, would no longer contain the threshold; null when not within `maxReplications`
 * (or when the mean sits on the threshold).
 */
export function replicationsToSettle(mean: number, halfWidth: number, n: number, threshold: number, maxReplications: number): number | null {
  const distance = Math.abs(mean - threshold);
  if (distance === 0) return null;
  const sd = (halfWidth * Math.sqrt(n)) / studentTQuantile(0.975, n - 1);
  for (let m = n + 1; m <= maxReplications; m++) {
    if ((studentTQuantile(0.975, m - 1) * sd) / Math.sqrt(m) < distance) return m;
  }
  return null;
}
