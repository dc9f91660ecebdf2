import type { Distribution } from '@architech/contracts';
import { numberAt, type Fields } from './read-properties';

/** The distribution families of docs/architecture.md §4. */
export type DistributionName = Distribution['dist'];

/** The families in the order the editor offers them, with what each is called there. */
export const DISTRIBUTIONS: readonly { readonly value: DistributionName; readonly label: string }[] = [
  { value: 'exponential', label: 'Exponential' },
  { value: 'constant', label: 'Constant' },
  { value: 'uniform', label: 'Uniform' },
  { value: 'normal', label: 'Normal (truncated at 0)' },
  { value: 'lognormal', label: 'Log-normal' },
];

/** The mean a new distribution starts from when the old one says nothing usable. */
export const FALLBACK_MEAN_MS = 10;

/**
 * The mean of a distribution as written, defensively (the editor may hold a half-typed one);
 * `undefined` when its parameters are missing. Truncation of a normal at 0 is ignored: this only
 * seeds a new distribution.
 */
export function writtenMean(distribution: Fields | undefined): number | undefined {
  switch (distribution?.dist) {
    case 'exponential':
    case 'normal':
    case 'lognormal':
      return numberAt(distribution, 'mean');
    case 'constant':
      return numberAt(distribution, 'value');
    case 'uniform': {
      const min = numberAt(distribution, 'min');
      const max = numberAt(distribution, 'max');
      return min === undefined || max === undefined ? undefined : (min + max) / 2;
    }
    default:
      return undefined;
  }
}

/**
 * The distribution of family `dist` that replaces `current` when the user picks another family:
 * it keeps the mean, so switching shape does not change the load, and gets the spread of the
 * examples in docs/architecture.md §4 (uniform ±50 %, normal σ = mean/5, log-normal σ = mean/2).
 *
 * @example switchDistribution({ dist: 'exponential', mean: 10 }, 'uniform') // { dist: 'uniform', min: 5, max: 15 }
 */
export function switchDistribution(current: Fields | undefined, dist: DistributionName): Distribution {
  if (current?.dist === dist) return current as Distribution;
  const written = writtenMean(current);
  const mean = written !== undefined && written > 0 ? written : FALLBACK_MEAN_MS;
  switch (dist) {
    case 'exponential':
      return { dist, mean };
    case 'constant':
      return { dist, value: mean };
    case 'uniform':
      return { dist, min: tidy(mean / 2), max: tidy((mean * 3) / 2) };
    case 'normal':
      return { dist, mean, stddev: tidy(mean / 5) };
    case 'lognormal':
      return { dist, mean, stddev: tidy(mean / 2) };
  }
}

/** Drops binary noise (`0.30000000000000004`) from a derived parameter the user will read. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
