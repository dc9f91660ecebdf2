import { Rng, createStream, hashLabel } from './rng';

const take = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.nextUint32());

describe('Rng (xoshiro128**)', () => {
  it('matches the reference implementation for state [1, 2, 3, 4]', () => {
    // Output of Blackman & Vigna's reference C code.
    expect(take(new Rng(1, 2, 3, 4), 8)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
  });

  it('matches the reference state and outputs after 1000 steps', () => {
    const rng = new Rng(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x3c6ef372);
    take(rng, 1000);
    expect(take(rng, 4)).toEqual([1118824101, 3958451948, 3495654320, 3239769080]);
    expect(rng.state()).toEqual([3791424315, 451700692, 3337984032, 968941302]);
  });

  it('never starts from the all-zero state', () => {
    const rng = new Rng(0, 0, 0, 0);
    expect(rng.state()).not.toEqual([0, 0, 0, 0]);
    expect(new Set(take(rng, 10)).size).toBeGreaterThan(1);
  });

  it('returns uint32 values and doubles in [0, 1)', () => {
    const rng = createStream(7);
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextUint32();
      if (!(Number.isInteger(u) && u >= 0 && u < 2 ** 32)) throw new Error(`nextUint32() not a uint32: ${u}`);
      const x = rng.next();
      if (!(x >= 0 && x < 1)) throw new Error(`next() out of range: ${x}`);
    }
  });

  it('maps the extreme raw outputs of nextOpen strictly inside (0, 1)', () => {
    // Force the raw output to 0 and to 2^32-1 through a stub generator.
    const lowest = Object.create(Rng.prototype) as Rng;
    lowest.nextUint32 = () => 0;
    const highest = Object.create(Rng.prototype) as Rng;
    highest.nextUint32 = () => 0xffffffff;
    expect(lowest.nextOpen()).toBe(2 ** -33);
    expect(highest.nextOpen()).toBe(1 - 2 ** -33);
    expect(highest.nextOpen()).toBeLessThan(1);
    expect(highest.next()).toBeLessThan(1);
  });

  it('nextOpen never returns 0 or 1 over 1e6 draws', () => {
    const rng = createStream(11, 'open');
    let min = 1;
    let max = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = rng.nextOpen();
      if (x < min) min = x;
      if (x > max) max = x;
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
  });
});

describe('statistical quality of next()', () => {
  const N = 1_000_000;

  it('has mean 0.5 ± 0.002 over 1e6 draws', () => {
    const rng = createStream(2024, 'mean');
    let sum = 0;
    for (let i = 0; i < N; i++) sum += rng.next();
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(0.002);
  });

  it('passes a chi-square test over 100 equal bins', () => {
    const rng = createStream(2024, 'chi2');
    const bins = new Float64Array(100);
    for (let i = 0; i < N; i++) bins[Math.floor(rng.next() * 100)]++;
    const expected = N / 100;
    let chi2 = 0;
    for (const observed of bins) chi2 += ((observed - expected) ** 2) / expected;
    // 99 degrees of freedom: mean 99, sd ≈ 14. Loose bounds; too-perfect fits are suspicious too.
    expect(chi2).toBeGreaterThan(50);
    expect(chi2).toBeLessThan(160);
  });

  it('shows no correlation between two derived streams', () => {
    const a = createStream(99, 'replication', 0, 'component', 'web', 'service');
    const b = createStream(99, 'replication', 0, 'component', 'web', 'arrivals');
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < N; i++) {
      const x = a.next();
      const y = b.next();
      sa += x;
      sb += y;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    const cov = sab / N - (sa / N) * (sb / N);
    const r = cov / Math.sqrt((saa / N - (sa / N) ** 2) * (sbb / N - (sb / N) ** 2));
    // Standard error of r is 1/√N = 0.001.
    expect(Math.abs(r)).toBeLessThan(0.005);
  });

  it('shows no lag-1 serial correlation within a stream', () => {
    const rng = createStream(5, 'serial');
    let prev = rng.next();
    let sxy = 0;
    for (let i = 0; i < N; i++) {
      const x = rng.next();
      sxy += (prev - 0.5) * (x - 0.5);
      prev = x;
    }
    const r = sxy / N / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(0.005);
  });
});

describe('hashLabel', () => {
  it('is 32-bit FNV-1a', () => {
    // Published FNV-1a test vectors.
    expect(hashLabel('')).toBe(0x811c9dc5);
    expect(hashLabel('a')).toBe(0xe40c292c);
    expect(hashLabel('foobar')).toBe(0xbf9cf968);
  });

  it('distinguishes labels and returns uint32', () => {
    const h = hashLabel('web');
    expect(h).toBe(hashLabel('web'));
    expect(h).not.toBe(hashLabel('db'));
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });
});

describe('createStream', () => {
  it('is deterministic: same seed and labels give the same sequence', () => {
    const a = createStream(42, 'replication', 3, 'component', 'web', 'service');
    const b = createStream(42, 'replication', 3, 'component', 'web', 'service');
    expect(take(a, 100)).toEqual(take(b, 100));
  });

  it('gives distinct streams for each (seed, replication, component, purpose)', () => {
    const variants: (string | number)[][] = [
      [42, 'replication', 3, 'component', 'web', 'service'],
      [43, 'replication', 3, 'component', 'web', 'service'],
      [42, 'replication', 4, 'component', 'web', 'service'],
      [42, 'replication', 3, 'component', 'db', 'service'],
      [42, 'replication', 3, 'component', 'web', 'arrivals'],
      [42, 'replication', 3, 'component', 'web'],
      [42, 'replication', 3, 'component', 'service', 'web'], // order matters
      [42, 'replication', '3', 'component', 'web', 'service'], // string "3" is not number 3
      [42, 'replication', 3, 'component', 'webservice'], // label boundaries matter
      [42],
    ];
    const firsts = variants.map(([seed, ...labels]) => take(createStream(seed as number, ...labels), 4).join(','));
    expect(new Set(firsts).size).toBe(variants.length);
  });

  it('separates seeds that differ only above 2^32', () => {
    expect(take(createStream(1), 8)).not.toEqual(take(createStream(2 ** 32 + 1), 8));
    const max = Number.MAX_SAFE_INTEGER;
    expect(take(createStream(max), 8)).not.toEqual(take(createStream(max - 2 ** 32), 8));
  });

  it('separates numeric labels that differ only above 2^32, and negatives', () => {
    expect(take(createStream(1, 5), 4)).not.toEqual(take(createStream(1, 2 ** 32 + 5), 4));
    expect(take(createStream(1, -1), 4)).not.toEqual(take(createStream(1, 2 ** 32 - 1), 4));
  });

  it('gives well-spread state words even for tiny adjacent seeds', () => {
    // Adjacent seeds should flip about half of the 128 state bits.
    const popcount = (x: number): number => {
      let c = 0;
      for (let v = x >>> 0; v !== 0; v &= v - 1) c++;
      return c;
    };
    let total = 0;
    for (let seed = 0; seed < 200; seed++) {
      const a = createStream(seed).state();
      const b = createStream(seed + 1).state();
      for (let i = 0; i < 4; i++) total += popcount(a[i] ^ b[i]);
    }
    expect(total / 200).toBeGreaterThan(60);
    expect(total / 200).toBeLessThan(68);
  });

  it('accepts seed 0 and the largest safe integer', () => {
    expect(createStream(0).state()).not.toEqual([0, 0, 0, 0]);
    expect(() => createStream(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  it('rejects seeds and numeric labels it cannot represent exactly', () => {
    expect(() => createStream(-1)).toThrow(RangeError);
    expect(() => createStream(1.5)).toThrow(RangeError);
    expect(() => createStream(2 ** 53)).toThrow(RangeError);
    expect(() => createStream(NaN)).toThrow(RangeError);
    expect(() => createStream(1, 0.5)).toThrow(RangeError);
    expect(() => createStream(1, Infinity)).toThrow(RangeError);
  });
});
