/**
 * Construction options for {@link QuantileSketch}. All values must be finite and positive,
 * with `minValue < maxValue` and `0 < alpha < 1`.
 */
export interface QuantileSketchOptions {
  /** Relative accuracy of every quantile estimate (default 0.005, i.e. 0.5 %). */
  alpha?: number;
  /** Values at or below this go to the "zero" counter (default 1e-4). */
  minValue?: number;
  /** Values above this are counted in the last bin (default 1e9). */
  maxValue?: number;
}

import { LogBuckets } from './log-buckets';

const DEFAULT_ALPHA = 0.005;
const DEFAULT_MIN_VALUE = 1e-4;
const DEFAULT_MAX_VALUE = 1e9;
/** Bins per block: `blocks` holds each block's total so quantile walks skip whole blocks. */
const BLOCK_SHIFT = 6;
const BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;

/** Bin tables by layout (alpha, minValue, maxValue): every sketch of the engine has the same. */
const layouts = new Map<string, LogBuckets>();

/**
 * DDSketch-style quantile sketch: logarithmically sized buckets in a fixed, dense array, so every
 * estimate between `minValue` and `maxValue` is within relative error `alpha` of the exact
 * quantile, memory never grows with the number of samples, and `add` is O(1) without allocation.
 *
 * Bucket `i` holds values in (gamma^(i-1), gamma^i] where gamma = (1 + alpha) / (1 - alpha).
 * Exact `count`, `sum`, `min` and `max` are kept alongside the buckets.
 */
export class QuantileSketch {
  /** Relative accuracy this sketch guarantees for values in (minValue, maxValue]. */
  readonly alpha: number;
  /** Lower edge of the bucketed range; smaller values are counted in the zero counter. */
  readonly minValue: number;
  /** Upper edge of the bucketed range; larger values are clamped to the last bucket. */
  readonly maxValue: number;

  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly invLogGamma: number;
  /** Logarithmic index of bucket 0, so that `bins[k]` is logarithmic bucket `k + offset`. */
  private readonly offset: number;
  private readonly bins: Float64Array;
  /** Count per block of 64 bins (exact: counts are integers), so quantile walks skip empty stretches. */
  private readonly blocks: Float64Array;
  /** Finds a value's bin without a logarithm (shared by the sketches of one layout). */
  private readonly logBuckets: LogBuckets;

  private zeroCount = 0;
  private total = 0;
  private sumOfValues = 0;
  private minSeen = Infinity;
  private maxSeen = -Infinity;
  // Touched index range: clear() and quantile() only walk [lo, hi] instead of all buckets.
  private lo: number;
  private hi = -1;

  constructor(options: QuantileSketchOptions = {}) {
    const alpha = options.alpha ?? DEFAULT_ALPHA;
    const minValue = options.minValue ?? DEFAULT_MIN_VALUE;
    const maxValue = options.maxValue ?? DEFAULT_MAX_VALUE;
    if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
    if (!(minValue > 0 && Number.isFinite(minValue))) {
      throw new RangeError(`minValue must be finite and > 0, got ${minValue}`);
    }
    if (!(maxValue > minValue && Number.isFinite(maxValue))) {
      throw new RangeError(`maxValue must be finite and > minValue, got ${maxValue}`);
    }
    this.alpha = alpha;
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.gamma = (1 + alpha) / (1 - alpha);
    this.logGamma = Math.log(this.gamma);
    this.invLogGamma = 1 / this.logGamma;
    this.offset = Math.ceil(Math.log(minValue) * this.invLogGamma);
    const lastIndex = Math.ceil(Math.log(maxValue) * this.invLogGamma);
    this.bins = new Float64Array(lastIndex - this.offset + 1);
    this.blocks = new Float64Array((this.bins.length >> BLOCK_SHIFT) + 1);
    this.lo = this.bins.length;
    const layout = `${alpha}/${minValue}/${maxValue}`;
    let buckets = layouts.get(layout);
    if (buckets === undefined) {
      buckets = new LogBuckets(minValue, maxValue, this.invLogGamma, this.offset, this.bins.length);
      layouts.set(layout, buckets);
    }
    this.logBuckets = buckets;
  }

  /** Number of buckets; fixed at construction, independent of how many values are added. */
  get binCount(): number {
    return this.bins.length;
  }

  /** Exact number of values added. */
  get count(): number {
    return this.total;
  }

  /** Exact sum of values added. */
  get sum(): number {
    return this.sumOfValues;
  }

  /** Exact smallest value added, or 0 when empty. */
  get min(): number {
    return this.total === 0 ? 0 : this.minSeen;
  }

  /** Exact largest value added, or 0 when empty. */
  get max(): number {
    return this.total === 0 ? 0 : this.maxSeen;
  }

  /**
   * Records one value in O(1) without allocating.
   * @throws RangeError for NaN, which would otherwise silently poison every estimate.
   */
  add(value: number): void {
    this.addAt(this.binIndex(value), value);
  }

  /**
   * The bucket `value` falls in (−1 for the zero counter). Sketches built with the same options
   * share bucket layouts, so one index can feed several of them (one logarithm instead of many).
   * @throws RangeError for NaN.
   */
  binIndex(value: number): number {
    if (value !== value) throw new RangeError('QuantileSketch.add: value is NaN');
    if (value <= this.minValue) return -1;
    // value > minValue guarantees index >= 0 (log, multiply and ceil are all monotone). The table
    // gives ceil(log(value) · invLogGamma) − offset, the same integer, without the logarithm.
    return value > this.maxValue ? this.bins.length - 1 : this.logBuckets.index(value);
  }

  /** Records `value` in bucket `index`, which must be `binIndex(value)` of a sketch with these options. */
  addAt(index: number, value: number): void {
    this.total += 1;
    this.sumOfValues += value;
    if (value < this.minSeen) this.minSeen = value;
    if (value > this.maxSeen) this.maxSeen = value;
    if (index < 0) {
      this.zeroCount += 1;
      return;
    }
    this.bins[index] += 1;
    this.blocks[index >> BLOCK_SHIFT] += 1;
    if (index < this.lo) this.lo = index;
    if (index > this.hi) this.hi = index;
  }

  /** Exact arithmetic mean of the values added, or 0 when empty. */
  mean(): number {
    return this.total === 0 ? 0 : this.sumOfValues / this.total;
  }

  /**
   * Estimate of the value at 0-based rank floor(q * (count - 1)) (DDSketch convention).
   * q = 0 and q = 1 return the exact min and max; an empty sketch returns 0.
   * Values in the zero counter are reported as the exact min, the best point we know in that range.
   * @throws RangeError when q is not within [0, 1].
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`);
    if (this.total === 0) return 0;
    if (q === 0) return this.minSeen;
    if (q === 1) return this.maxSeen;
    const rank = Math.floor(q * (this.total - 1));
    let seen = this.zeroCount;
    if (rank < seen) return this.minSeen;
    const bins = this.bins;
    for (let i = this.lo; i <= this.hi; i++) {
      seen += bins[i];
      if (seen > rank) return this.clampToSeen(this.binValue(i));
    }
    // Unreachable when counts are consistent; max is the safe upper answer.
    return this.maxSeen;
  }

  /**
   * Several quantiles in one pass over the buckets (`qs` ascending), written into `out`: the same
   * answers as calling {@link quantile} for each, at the cost of one.
   */
  quantilesInto(qs: readonly number[], out: number[]): void {
    let k = 0;
    if (this.total === 0) {
      for (; k < qs.length; k++) out[k] = 0;
      return;
    }
    const n = qs.length;
    const last = this.total - 1;
    let seen = this.zeroCount;
    // Quantiles that fall on the exact ends or in the zero counter.
    while (k < n && (qs[k] === 0 || Math.floor(qs[k] * last) < seen)) out[k++] = this.minSeen;
    const bins = this.bins;
    const blocks = this.blocks;
    const hi = this.hi;
    // Bins up to `i` are counted in `seen`; each quantile is the first bin where `seen` passes its rank.
    let i = this.lo - 1;
    for (; k < n && qs[k] !== 1; k++) {
      const rank = Math.floor(qs[k] * last);
      while (seen <= rank && i < hi) {
        const next = i + 1;
        const block = next >> BLOCK_SHIFT;
        if ((next & BLOCK_MASK) === 0 && seen + blocks[block] <= rank) {
          seen += blocks[block];
          i = next + BLOCK_MASK;
        } else {
          seen += bins[next];
          i = next;
        }
      }
      if (seen <= rank) break;
      out[k] = this.clampToSeen(this.binValue(i));
    }
    for (; k < qs.length; k++) out[k] = this.maxSeen;
  }

  /**
   * Adds every value recorded by `other` into this sketch (as if they had been added here).
   * @throws RangeError when the sketches were built with different options (bucket layouts differ).
   */
  merge(other: QuantileSketch): void {
    if (
      other.alpha !== this.alpha ||
      other.minValue !== this.minValue ||
      other.maxValue !== this.maxValue
    ) {
      throw new RangeError('QuantileSketch.merge: sketches have different alpha/minValue/maxValue');
    }
    if (other.total === 0) return;
    const bins = this.bins;
    const otherBins = other.bins;
    for (let i = other.lo; i <= other.hi; i++) bins[i] += otherBins[i];
    for (let b = other.lo >> BLOCK_SHIFT; b <= other.hi >> BLOCK_SHIFT; b++) this.blocks[b] += other.blocks[b];
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    this.zeroCount += other.zeroCount;
    this.total += other.total;
    this.sumOfValues += other.sumOfValues;
    if (other.minSeen < this.minSeen) this.minSeen = other.minSeen;
    if (other.maxSeen > this.maxSeen) this.maxSeen = other.maxSeen;
  }

  /** Empties the sketch; costs only the number of buckets touched since the last clear. */
  clear(): void {
    if (this.hi >= this.lo) {
      this.bins.fill(0, this.lo, this.hi + 1);
      this.blocks.fill(0, this.lo >> BLOCK_SHIFT, (this.hi >> BLOCK_SHIFT) + 1);
    }
    this.lo = this.bins.length;
    this.hi = -1;
    this.zeroCount = 0;
    this.total = 0;
    this.sumOfValues = 0;
    this.minSeen = Infinity;
    this.maxSeen = -Infinity;
  }

  /** DDSketch's representative of bucket i: 2 gamma^i / (gamma + 1), within alpha of every member. */
  private binValue(i: number): number {
    return (2 * Math.exp((i + this.offset) * this.logGamma)) / (this.gamma + 1);
  }

  // The true quantile always lies in [min, max], so clamping can only reduce the error
  // (and it bounds the answer for values clamped into the last bucket).
  private clampToSeen(estimate: number): number {
    if (estimate < this.minSeen) return this.minSeen;
    if (estimate > this.maxSeen) return this.maxSeen;
    return estimate;
  }
}
