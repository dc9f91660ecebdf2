import type { Distribution } from '@architech/contracts';
import { PolarGaussian } from './gaussian';
import type { Rng } from './rng';
import { MAX_NORMAL_TRIES, truncatedNormalMoments } from './truncated-normal';

/**
 * A duration distribution (times in ms), as `@architech/contracts` defines it.
 *
 * - `exponential`: rate 1/mean.
 * - `constant`: always `value`.
 * - `uniform`: on [min, max).
 * - `normal`: N(mean, stddev²) truncated at 0 by rejection; see {@link createSampler}.
 * - `lognormal`: `mean`/`stddev` are those of the lognormal variable itself,
 *   not of its logarithm.
 */
export type DistributionSpec = Distribution;

/** Draws values of one distribution; `mean` is the analytic mean of what `sample` returns. */
export interface Sampler {
  sample(rng: Rng): number;
  readonly mean: number;
}

/** Always returns the same value; consumes no randomness. */
export class ConstantSampler implements Sampler {
  constructor(readonly mean: number) {}

  sample(_rng: Rng): number {
    return this.mean;
  }
}

/** Exponential by inversion; `nextOpen` keeps the log argument away from 0. */
export class ExponentialSampler implements Sampler {
  constructor(readonly mean: number) {}

  sample(rng: Rng): number {
    return -this.mean * Math.log(rng.nextOpen());
  }
}

/** Uniform on [min, max). */
export class UniformSampler implements Sampler {
  readonly mean: number;
  private readonly width: number;

  constructor(private readonly min: number, max: number) {
    this.width = max - min;
    this.mean = (min + max) / 2;
  }

  sample(rng: Rng): number {
    return this.min + this.width * rng.next();
  }
}

/**
 * Normal truncated at 0 by rejection: redraws while the value is negative, and
 * after `MAX_NORMAL_TRIES` (64) negative draws returns 0 so one sample has
 * bounded cost. Truncation raises the mean above the spec's `mean` (see
 * `mean`, which accounts for both truncation and the give-up mass at 0).
 *
 * Stateful (caches the polar method's spare variate): use one instance per
 * component/stream.
 */
export class NormalSampler implements Sampler {
  readonly mean: number;
  private readonly gaussian = new PolarGaussian();

  constructor(private readonly mu: number, private readonly sd: number) {
    this.mean = truncatedNormalMoments(mu, sd).mean;
  }

  sample(rng: Rng): number {
    for (let i = 0; i < MAX_NORMAL_TRIES; i++) {
      const x = this.mu + this.sd * this.gaussian.next(rng);
      if (x >= 0) return x;
    }
    return 0;
  }
}

/**
 * Lognormal exp(μ + σZ) with μ, σ chosen so the variable has the spec's mean
 * and stddev. Stateful like {@link NormalSampler}.
 */
export class LognormalSampler implements Sampler {
  private readonly mu: number;
  private readonly sigma: number;
  private readonly gaussian = new PolarGaussian();

  constructor(readonly mean: number, stddev: number) {
    const cv = stddev / mean;
    const sigma2 = Math.log1p(cv * cv);
    this.sigma = Math.sqrt(sigma2);
    this.mu = Math.log(mean) - sigma2 / 2;
  }

  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * this.gaussian.next(rng));
  }
}

function requireFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
}

/** Rejects specs whose parameters have no meaningful distribution, so samplers never emit NaN. */
function validate(spec: DistributionSpec): void {
  switch (spec.dist) {
    case 'constant':
      requireFinite('constant.value', spec.value);
      return;
    case 'exponential':
      requireFinite('exponential.mean', spec.mean);
      if (spec.mean < 0) throw new RangeError(`exponential.mean must be >= 0, got ${spec.mean}`);
      return;
    case 'uniform':
      requireFinite('uniform.min', spec.min);
      requireFinite('uniform.max', spec.max);
      if (spec.min > spec.max) throw new RangeError(`uniform.min (${spec.min}) must be <= max (${spec.max})`);
      return;
    case 'normal':
      requireFinite('normal.mean', spec.mean);
      requireFinite('normal.stddev', spec.stddev);
      if (spec.stddev < 0) throw new RangeError(`normal.stddev must be >= 0, got ${spec.stddev}`);
      return;
    case 'lognormal':
      requireFinite('lognormal.mean', spec.mean);
      requireFinite('lognormal.stddev', spec.stddev);
      if (spec.mean <= 0) throw new RangeError(`lognormal.mean must be > 0, got ${spec.mean}`);
      if (spec.stddev < 0) throw new RangeError(`lognormal.stddev must be >= 0, got ${spec.stddev}`);
      return;
    default:
      throw new RangeError(`unknown distribution: ${(spec as { dist: unknown }).dist}`);
  }
}

/**
 * Builds a sampler specialised to the spec's kind, so each call site sees one
 * class (monomorphic) and `sample` allocates nothing. Zero-spread normal and
 * lognormal specs become {@link ConstantSampler}s so they return the exact value.
 *
 * @throws RangeError for non-finite or out-of-domain parameters
 */
export function createSampler(spec: DistributionSpec): Sampler {
  validate(spec);
  switch (spec.dist) {
    case 'constant':
      return new ConstantSampler(spec.value);
    case 'exponential':
      return new ExponentialSampler(spec.mean);
    case 'uniform':
      return new UniformSampler(spec.min, spec.max);
    case 'normal':
      return spec.stddev === 0
        ? new ConstantSampler(truncatedNormalMoments(spec.mean, 0).mean)
        : new NormalSampler(spec.mean, spec.stddev);
    case 'lognormal':
      return spec.stddev === 0 ? new ConstantSampler(spec.mean) : new LognormalSampler(spec.mean, spec.stddev);
  }
}

/** Analytic mean of the values the spec's sampler produces (truncation included for `normal`). */
export function distributionMean(spec: DistributionSpec): number {
  validate(spec);
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'exponential':
      return spec.mean;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'normal':
      return truncatedNormalMoments(spec.mean, spec.stddev).mean;
    case 'lognormal':
      return spec.mean;
  }
}

/**
 * Analytic variance of the values the spec's sampler produces, e.g. for
 * Pollaczek–Khinchine checks (truncation included for `normal`).
 */
export function distributionVariance(spec: DistributionSpec): number {
  validate(spec);
  switch (spec.dist) {
    case 'constant':
      return 0;
    case 'exponential':
      return spec.mean * spec.mean;
    case 'uniform': {
      const w = spec.max - spec.min;
      return (w * w) / 12;
    }
    case 'normal':
      return truncatedNormalMoments(spec.mean, spec.stddev).variance;
    case 'lognormal':
      // The μ/σ conversion is chosen so the variance is exactly stddev².
      return spec.stddev * spec.stddev;
  }
}
