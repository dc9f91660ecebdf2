/** Options for {@link mser5}. */
export interface MserOptions {
  /** Observations per batch mean (default 5, hence "MSER-5"). */
  batchSize?: number;
  /** Largest fraction of the batches that may be truncated (default 0.5). */
  maxFraction?: number;
}

/** Result of {@link mser5}. */
export interface MserResult {
  /** Index into the original series of the first observation to keep. */
  truncateAt: number;
  /** Number of complete batches the series was divided into. */
  batches: number;
}

const DEFAULT_BATCH_SIZE = 5;
const DEFAULT_MAX_FRACTION = 0.5;

/**
 * MSER-5 warm-up detection (White 1997): batch the series into means of `batchSize` consecutive
 * observations (an incomplete trailing batch is dropped), then truncate the d leading batches
 * that minimise MSER(d) = sum_{j>d} (Z_j - mean_{>d})^2 / (k - d)^2, for d in
 * [0, floor(maxFraction * k)], ties going to the smallest d. Runs in O(n).
 *
 * At least two batches are always kept, because with one batch left MSER is trivially 0.
 * Series with fewer than two batches are not truncated.
 * @throws RangeError for a batchSize that is not a positive integer or maxFraction outside [0, 1].
 */
export function mser5(series: readonly number[], options: MserOptions = {}): MserResult {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxFraction = options.maxFraction ?? DEFAULT_MAX_FRACTION;
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) {
    throw new RangeError(`mser5: batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!(maxFraction >= 0 && maxFraction <= 1)) {
    throw new RangeError(`mser5: maxFraction must be in [0, 1], got ${maxFraction}`);
  }
  const k = Math.floor(series.length / batchSize);
  if (k < 2) return { truncateAt: 0, batches: k };

  const batchMeans = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let sum = 0;
    const start = j * batchSize;
    for (let i = start; i < start + batchSize; i++) sum += series[i];
    batchMeans[j] = sum / batchSize;
  }

  const maxD = Math.min(Math.floor(maxFraction * k), k - 2);
  // Suffix sums of squared deviations via Welford's update run backwards: stable where
  // sum(Z^2) - (sum Z)^2 / m would cancel (large mean, small spread) and exact for constants.
  const suffixSquares = new Float64Array(maxD + 1);
  let mean = 0;
  let squares = 0;
  for (let j = k - 1; j >= 0; j--) {
    const m = k - j;
    const delta = batchMeans[j] - mean;
    mean += delta / m;
    squares += delta * (batchMeans[j] - mean);
    if (j <= maxD) suffixSquares[j] = squares;
  }

  let bestD = 0;
  let bestStatistic = Infinity;
  for (let d = 0; d <= maxD; d++) {
    const remaining = k - d;
    const statistic = suffixSquares[d] / (remaining * remaining);
    if (statistic < bestStatistic) {
      bestStatistic = statistic;
      bestD = d;
    }
  }
  return { truncateAt: bestD * batchSize, batches: k };
}
