// Student's t distribution: CDF through the regularized incomplete beta function
// (Numerical Recipes' continued fraction with a Lanczos log-gamma) and the quantile by
// safeguarded Newton iteration on that CDF.

/** Lanczos approximation (g = 7, n = 9) coefficients; ~15 significant digits for x > 0. */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
function logGamma(x: number): number {
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += LANCZOS_COEFFICIENTS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

const CF_EPSILON = 1e-15;
const CF_TINY = 1e-300;

/** Continued fraction for I_x(a, b) (modified Lentz), NR `betacf`. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  // Convergence takes O(sqrt(max(a, b))) terms, so the budget grows with the shape parameters.
  const maxIterations = 200 + Math.ceil(10 * Math.sqrt(Math.max(a, b)));
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < CF_TINY) d = CF_TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < CF_TINY) d = CF_TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < CF_TINY) c = CF_TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < CF_EPSILON) return h;
  }
  throw new Error(`incomplete beta continued fraction did not converge (a=${a}, b=${b}, x=${x})`);
}

/**
 * Regularized incomplete beta I_x(a, b). The complement y = 1 - x is passed separately because
 * callers can compute it without the cancellation that `1 - x` suffers when x is close to 1.
 */
function regularizedIncompleteBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(y);
  const front = Math.exp(logFront);
  // The continued fraction converges fast only on this side of the mean; use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0 && Number.isFinite(df))) {
    throw new RangeError(`degrees of freedom must be finite and > 0, got ${df}`);
  }
}

/** P(T > t) for t >= 0, computed directly so tiny tails keep full relative precision. */
function upperTail(t: number, df: number): number {
  if (t === Infinity) return 0;
  const t2 = t * t;
  return 0.5 * regularizedIncompleteBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

/** Density of Student's t with `df` degrees of freedom at t. */
function density(t: number, df: number): number {
  const logNorm =
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Cumulative distribution function P(T <= t) of Student's t with `df` (> 0, may be fractional)
 * degrees of freedom.
 * @throws RangeError for NaN t or invalid df.
 */
export function studentTCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (t !== t) throw new RangeError('studentTCdf: t is NaN');
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

const MAX_QUANTILE_ITERATIONS = 200;
const QUANTILE_RELATIVE_TOLERANCE = 1e-13;

/**
 * Inverse CDF of Student's t: the t with P(T <= t) = p. Returns -Infinity / Infinity for p = 0 / 1.
 * @throws RangeError for p outside [0, 1] or invalid df.
 */
export function studentTQuantile(p: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve on the upper half using symmetry; the target tail is taken from the smaller of p and
  // 1 - p so that extreme lower quantiles are not rounded away.
  const sign = p < 0.5 ? -1 : 1;
  const tail = p < 0.5 ? p : 1 - p;

  // Bracket [lo, hi] with upperTail(lo) >= tail > upperTail(hi); the tail decreases in t.
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) >= tail) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return sign * Number.MAX_VALUE;
  }

  // Newton steps, falling back to bisection whenever a step leaves the bracket.
  let t = (lo + hi) / 2;
  for (let i = 0; i < MAX_QUANTILE_ITERATIONS; i++) {
    const f = upperTail(t, df) - tail;
    if (f === 0) break;
    if (f > 0) lo = t;
    else hi = t;
    const slope = -density(t, df);
    let next = slope !== 0 ? t - f / slope : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    const step = Math.abs(next - t);
    t = next;
    if (step <= QUANTILE_RELATIVE_TOLERANCE * Math.max(1, t) || hi - lo <= QUANTILE_RELATIVE_TOLERANCE * hi) break;
  }
  return sign * t;
}
