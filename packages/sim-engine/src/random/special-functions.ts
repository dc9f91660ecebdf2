/**
 * Error function and standard normal pdf/cdf, accurate to ~1e-13 relative,
 * including deep tails (needed for truncated-normal moments, where the
 * ratio pdf/upper-tail must stay accurate far from the mean).
 */

const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SQRT1_2 = Math.SQRT1_2;

// Below this the all-positive series is cheap and exact enough; above it the
// continued fraction converges in a few dozen steps and keeps relative accuracy.
const SERIES_LIMIT = 1.5;

/**
 * erf(x) for 0 <= x < SERIES_LIMIT via erf(x) = 2/√π·e^{-x²}·Σ 2^n x^{2n+1}/(2n+1)!!
 * — every term is positive, so there is no cancellation.
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x >= SERIES_LIMIT by the Laplace continued fraction (modified Lentz). */
function erfcContinuedFraction(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/** Complementary error function 1 − erf(x), with relative accuracy preserved in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  const upper = z < SERIES_LIMIT ? 1 - erfSeries(z) : erfcContinuedFraction(z);
  return x >= 0 ? upper : 2 - upper;
}

/** Error function erf(x). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  const v = z < SERIES_LIMIT ? erfSeries(z) : 1 - erfcContinuedFraction(z);
  return x >= 0 ? v : -v;
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal CDF Φ(x); accurate in the lower tail (relative) via erfc. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}
