/** Public surface of the random module: seeded streams and duration distributions. */
export { Rng, createStream, hashLabel } from './rng';
export {
  ConstantSampler,
  ExponentialSampler,
  LognormalSampler,
  NormalSampler,
  UniformSampler,
  createSampler,
  distributionMean,
  distributionVariance,
} from './distributions';
export type { DistributionSpec, Sampler } from './distributions';
export { PolarGaussian } from './gaussian';
export { MAX_NORMAL_TRIES, truncatedNormalMoments } from './truncated-normal';
export type { Moments } from './truncated-normal';
export { erf, erfc, normalCdf, normalPdf } from './special-functions';
