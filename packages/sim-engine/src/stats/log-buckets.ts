/** Top mantissa bits that, with the binary exponent, pick a slot: 2^7 slots per power of two. */
const SUB_BITS = 7;
const SHIFT = 20 - SUB_BITS;

// A double's two 32-bit words, read and written through a shared buffer.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;
const TWO_POW_32 = 4294967296;

function slotOf(value: number): number {
  f64[0] = value;
  return u32[HIGH] >>> SHIFT;
}

/** The double `steps` representable values above positive `value` (below for negative steps; |steps| < 2^32). */
function stepUlps(value: number, steps: number): number {
  f64[0] = value;
  let low = u32[LOW] + steps;
  let high = u32[HIGH];
  if (low >= TWO_POW_32) {
    low -= TWO_POW_32;
    high++;
  } else if (low < 0) {
    low += TWO_POW_32;
    high--;
  }
  u32[HIGH] = high;
  u32[LOW] = low;
  return f64[0];
}

/**
 * The logarithmic bucket of a value, `ceil(log(v) · invLogGamma) − offset`, without a logarithm:
 * the value's exponent and top mantissa bits pick a slot in a table holding the bucket of the slot's
 * smallest value (a slot is narrower than a bucket), then comparisons with the buckets' largest
 * values finish. Those edges are the exact doubles where the formula steps, searched with
 * `Math.log` itself, so the answer is the formula's for every value (`Math.log` is monotone; the
 * tests check the values around every edge). A power of two's slots and edges are computed the
 * first time a value falls in it. One table serves all sketches of the same layout.
 */
export class LogBuckets {
  /** Largest value of each bucket (0 until computed); the last bucket also takes everything up to `maxValue`. */
  private readonly upper: Float64Array;
  /** Per slot, the bucket of its smallest value (never above the bucket of any value in it); −1 until computed. */
  private readonly first: Int32Array;
  /** Slot of the first power of two the table covers (the one holding `minValue`). */
  private readonly slotBase: number;

  constructor(
    private readonly minValue: number,
    maxValue: number,
    private readonly invLogGamma: number,
    private readonly offset: number,
    private readonly count: number,
  ) {
    this.upper = new Float64Array(count);
    this.upper[count - 1] = maxValue;
    this.slotBase = (slotOf(minValue) >>> SUB_BITS) << SUB_BITS;
    this.first = new Int32Array(slotOf(maxValue) - this.slotBase + 1).fill(-1);
  }

  /** The bucket of `value`, which must be in (minValue, maxValue]. */
  index(value: number): number {
    const slot = slotOf(value) - this.slotBase;
    let k = this.first[slot];
    if (k < 0) k = this.prepare(slot);
    while (value > this.upper[k]) k++;
    return k;
  }

  /** What `index` stands for: the bucket by the logarithm (0 at or below `minValue`). */
  formula(value: number): number {
    return value <= this.minValue ? 0 : Math.ceil(Math.log(value) * this.invLogGamma) - this.offset;
  }

  /** Fills the slots of the power of two holding `slot` and the edges of its buckets; returns `first[slot]`. */
  private prepare(slot: number): number {
    const from = (slot >>> SUB_BITS) << SUB_BITS;
    const to = Math.min(from + (1 << SUB_BITS), this.first.length);
    const last = this.count - 1;
    for (let s = from; s < to; s++) {
      // The smallest double of the slot: its high word, all low bits zero.
      u32[HIGH] = (this.slotBase + s) << SHIFT;
      u32[LOW] = 0;
      this.first[s] = Math.min(this.formula(f64[0]), last);
    }
    // Every value of this power of two lies below the next one's smallest double.
    u32[HIGH] = (this.slotBase + to) << SHIFT;
    u32[LOW] = 0;
    const top = Math.min(this.formula(f64[0]), last);
    for (let k = this.first[from]; k <= top; k++) {
      if (this.upper[k] === 0) this.upper[k] = this.lastOf(k, Math.exp((k + this.offset) / this.invLogGamma));
    }
    return this.first[slot];
  }

  /** The largest double in bucket `k`, near its theoretical upper edge `estimate`. */
  private lastOf(k: number, estimate: number): number {
    // Widen a window of representable values around the estimate until it brackets the step...
    let below = 0;
    let above = 0;
    for (let d = 1; this.formula(stepUlps(estimate, below)) > k; d *= 2) below = -d;
    for (let d = 1; this.formula(stepUlps(estimate, above)) <= k; d *= 2) above = d;
    // ...then bisect it (in steps from the estimate): formula(below) ≤ k < formula(above).
    while (above - below > 1) {
      const mid = below + Math.floor((above - below) / 2);
      if (this.formula(stepUlps(estimate, mid)) <= k) below = mid;
      else above = mid;
    }
    return stepUlps(estimate, below);
  }
}
