/**
 * Seedable pseudo-random number generation: the xoshiro128** generator and the
 * derivation of independent, labelled streams from one root seed.
 */

/** 2^-32: converts a uint32 to a double in [0, 1). */
const TWO_POW_MINUS_32 = 1 / 4294967296;
const TWO_POW_32 = 4294967296;

/**
 * xoshiro128** PRNG (Blackman & Vigna): period 2^128 − 1, 32-bit outputs.
 *
 * State lives in four plain number fields rather than an array so V8 keeps
 * them as in-object small integers and `nextUint32` never touches the heap.
 * Obtain instances through {@link createStream}; the constructor is for
 * tests and for restoring a previously captured {@link Rng.state}.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Builds a generator from four state words; an all-zero state is replaced because it is a fixed point. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      // All-zero is the one state xoshiro never leaves; any non-zero word restores the full period.
      this.s0 = 0x9e3779b9 | 0;
    }
  }

  /** Next raw output as an unsigned 32-bit integer in [0, 2^32). */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /**
   * Uniform double in [0, 1) with resolution 2^-32 (only 32 random bits are
   * used: one generator step per sample is worth more here than 53-bit resolution).
   */
  next(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /**
   * Uniform double in the open interval (0, 1), resolution 2^-32; smallest
   * value 2^-33, largest 1 − 2^-33. Safe to pass to `Math.log` without a branch.
   */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Current state as four uint32 words (for tests and snapshots). */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as an unsigned integer. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: full avalanche of a 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** murmur3_32 body step: absorbs one 32-bit word into a running hash. */
function absorb(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

// Tags keep the string "3" and the number 3 (and label boundaries) from aliasing.
const TAG_STRING = 0x53545247;
const TAG_NUMBER = 0x4e554d42;

/**
 * Four murmur3 lanes with distinct seeds hash the same word sequence, giving a
 * 128-bit key so distinct label tuples collide only with probability ~2^-128
 * rather than the ~2^-32 a single 32-bit hash would allow.
 */
class StreamKey {
  private h0 = 0x243f6a88;
  private h1 = 0x85a308d3;
  private h2 = 0x13198a2e;
  private h3 = 0x03707344;
  private words = 0;

  add(word: number): void {
    this.h0 = absorb(this.h0, word);
    this.h1 = absorb(this.h1, word ^ 0x9e3779b9);
    this.h2 = absorb(this.h2, word ^ 0x7f4a7c15);
    this.h3 = absorb(this.h3, word ^ 0xf39cc060);
    this.words++;
  }

  /** Splits a safe integer into lo/hi words so values differing above 2^32 still differ. */
  addInteger(n: number): void {
    this.add(n >>> 0);
    this.add(Math.floor(n / TWO_POW_32) >>> 0);
  }

  toRng(): Rng {
    // Cross-lane feedback so each state word depends on all four lanes, not just its own.
    const a = fmix32(this.h0 ^ this.words);
    const b = fmix32(this.h1 ^ a);
    const c = fmix32(this.h2 ^ b);
    const d = fmix32(this.h3 ^ c);
    return new Rng(fmix32(a ^ d), b, c, d);
  }
}

/**
 * Derives an independent generator from a root seed and a label path, e.g.
 * `createStream(seed, 'replication', 3, 'component', 'web', 'service')`.
 *
 * Same inputs always give the same sequence; changing the seed or any label
 * (including order) gives an unrelated stream. Strings are absorbed code unit
 * by code unit (not just via {@link hashLabel}) so labels that collide under a
 * 32-bit hash still get distinct streams. Numeric labels must be safe integers.
 *
 * @param rootSeed integer in [0, Number.MAX_SAFE_INTEGER]
 * @throws RangeError for a non-integer or out-of-range seed or numeric label
 */
export function createStream(rootSeed: number, ...labels: (string | number)[]): Rng {
  if (!Number.isSafeInteger(rootSeed) || rootSeed < 0) {
    throw new RangeError(`rootSeed must be an integer in [0, 2^53-1], got ${rootSeed}`);
  }
  const key = new StreamKey();
  key.addInteger(rootSeed);
  for (const label of labels) {
    if (typeof label === 'string') {
      key.add(TAG_STRING);
      key.add(label.length);
      for (let i = 0; i < label.length; i++) key.add(label.charCodeAt(i));
    } else {
      if (!Number.isSafeInteger(label)) {
        throw new RangeError(`numeric stream labels must be safe integers, got ${label}`);
      }
      key.add(TAG_NUMBER);
      key.addInteger(label);
    }
  }
  return key.toRng();
}
