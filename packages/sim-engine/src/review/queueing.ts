/**
 * Queueing formulas the review and the refine loop size capacity with. Erlang C gives the
 * probability that an arrival waits in an M/M/c queue; the mean wait follows (Kleinrock, Queueing
 * Systems vol. 1, §3.5; Harchol-Balter, Performance Modeling and Design of Computer Systems, ch. 14).
 */

/** Erlang C: probability of waiting in M/M/c with offered load a = λ/μ (< c). 1 when a ≥ c. */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by the stable recursion B(k) = a B(k−1) / (k + a B(k−1)), then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Mean wait in queue (seconds) of M/M/c with rate λ (1/s) and mean service time s (seconds); ∞ when unstable. */
export function mmcWaitSec(c: number, lambda: number, serviceSec: number): number {
  const a = lambda * serviceSec;
  if (a >= c) return Infinity;
  return (erlangC(c, a) * serviceSec) / (c - a);
}

/**
 * The fewest replicas (each an M/M/w queue fed λ / replicas, as the engine routes round-robin)
 * that keep utilisation at or below `maxUtilization` and the mean queueing wait at or below
 * `maxWaitSec`. `undefined` when even `maxReplicas` cannot.
 */
export function replicasFor(lambda: number, serviceSec: number, workers: number, maxUtilization: number, maxWaitSec: number, maxReplicas: number): number | undefined {
  if (lambda <= 0 || serviceSec <= 0) return 1;
  const first = Math.max(1, Math.ceil((lambda * serviceSec) / (workers * maxUtilization) - 1e-9));
  for (let r = first; r <= maxReplicas; r++) {
    if (mmcWaitSec(workers, lambda / r, serviceSec) <= maxWaitSec) return r;
  }
  return undefined;
}
