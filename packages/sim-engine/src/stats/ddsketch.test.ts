import { QuantileSketch } from './ddsketch';
import { mulberry32 } from '../../test/mulberry32';


function standardNormal(random: () => number): number {
  const u1 = 1 - random(); // (0, 1], safe for log
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

const SAMPLE_SIZE = 100_000;
const distributions: Array<[string, (random: () => number) => number]> = [
  ['exponential (mean 50)', (random) => -50 * Math.log(1 - random())],
  ['lognormal (mu 3, sigma 1.5)', (random) => Math.exp(3 + 1.5 * standardNormal(random))],
  ['uniform [10, 1000)', (random) => 10 + 990 * random()],
];

function sample(generate: (random: () => number) => number, seed: number, n = SAMPLE_SIZE): number[] {
  const random = mulberry32(seed);
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(generate(random));
  return values;
}

/** Exact quantile with the sketch's rank convention: sorted[floor(q * (n - 1))]. */
function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

describe('a QuantileSketch', () => {
  describe.each(distributions)('on 100k %s samples', (_name, generate) => {
    const values = sample(generate, 12345);
    const sorted = [...values].sort((a, b) => a - b);
    const sketch = new QuantileSketch();
    for (const v of values) sketch.add(v);

    it.each([0.5, 0.95, 0.99])('estimates the %p quantile within 1 % relative error', (q) => {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.01);
    });

    it('keeps count, sum, min and max exact', () => {
      expect(sketch.count).toBe(SAMPLE_SIZE);
      expect(sketch.sum).toBeCloseTo(values.reduce((s, v) => s + v, 0), 6);
      expect(sketch.mean()).toBeCloseTo(sketch.sum / SAMPLE_SIZE, 12);
      expect(sketch.min).toBe(sorted[0]);
      expect(sketch.max).toBe(sorted[sorted.length - 1]);
    });

    it('returns the exact min for q = 0 and the exact max for q = 1', () => {
      expect(sketch.quantile(0)).toBe(sorted[0]);
      expect(sketch.quantile(1)).toBe(sorted[sorted.length - 1]);
    });
  });

  it('stays within alpha of every rank on a wide range of magnitudes', () => {
    const sketch = new QuantileSketch({ alpha: 0.01 });
    const values = sample((random) => Math.exp(-5 + 25 * random()), 7, 20_000);
    for (const v of values) sketch.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (let q = 0.01; q < 1; q += 0.01) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q) - exact) / exact).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });

  it('returns 0 for every statistic while empty', () => {
    const sketch = new QuantileSketch();
    expect(sketch.count).toBe(0);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(1)).toBe(0);
    expect(sketch.mean()).toBe(0);
    expect(sketch.min).toBe(0);
    expect(sketch.max).toBe(0);
  });

  it('answers every quantile with the value itself when all samples are equal', () => {
    const sketch = new QuantileSketch();
    for (let i = 0; i < 1000; i++) sketch.add(42);
    for (const q of [0, 0.1, 0.5, 0.99, 1]) expect(sketch.quantile(q)).toBe(42);
  });

  it('reports values at or below minValue as the exact min', () => {
    const sketch = new QuantileSketch({ minValue: 1 });
    for (let i = 0; i < 60; i++) sketch.add(0);
    for (let i = 0; i < 40; i++) sketch.add(100);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.quantile(0.7)).toBeCloseTo(100, 0);
  });

  it('clamps values above maxValue into the last bin but keeps the exact max', () => {
    const sketch = new QuantileSketch({ maxValue: 1000 });
    sketch.add(1e12);
    sketch.add(5e12);
    expect(sketch.max).toBe(5e12);
    expect(sketch.quantile(1)).toBe(5e12);
    const median = sketch.quantile(0.5);
    expect(median).toBeGreaterThanOrEqual(1e12); // clamped into [min, max]
    expect(median).toBeLessThanOrEqual(5e12);
  });

  it('rejects NaN values and quantiles outside [0, 1]', () => {
    const sketch = new QuantileSketch();
    expect(() => sketch.add(NaN)).toThrow(RangeError);
    expect(sketch.count).toBe(0);
    expect(() => sketch.quantile(-0.1)).toThrow(RangeError);
    expect(() => sketch.quantile(1.1)).toThrow(RangeError);
    expect(() => sketch.quantile(NaN)).toThrow(RangeError);
  });

  it('rejects invalid options', () => {
    expect(() => new QuantileSketch({ alpha: 0 })).toThrow(RangeError);
    expect(() => new QuantileSketch({ alpha: 1 })).toThrow(RangeError);
    expect(() => new QuantileSketch({ minValue: 0 })).toThrow(RangeError);
    expect(() => new QuantileSketch({ minValue: 10, maxValue: 5 })).toThrow(RangeError);
  });

  it('gives the same answers after merging as after adding everything to one sketch', () => {
    const values = sample((random) => -50 * Math.log(1 - random()), 99, 30_000);
    const whole = new QuantileSketch();
    const left = new QuantileSketch();
    const right = new QuantileSketch();
    values.forEach((v, i) => {
      whole.add(v);
      (i % 3 === 0 ? left : right).add(v);
    });
    left.merge(right);
    expect(left.count).toBe(whole.count);
    expect(left.sum).toBeCloseTo(whole.sum, 6);
    expect(left.min).toBe(whole.min);
    expect(left.max).toBe(whole.max);
    for (const q of [0, 0.001, 0.25, 0.5, 0.9, 0.99, 0.999, 1]) {
      expect(left.quantile(q)).toBe(whole.quantile(q));
    }
  });

  it('merges into an empty sketch and ignores an empty other', () => {
    const filled = new QuantileSketch();
    filled.add(3);
    filled.add(30);
    const empty = new QuantileSketch();
    empty.merge(filled);
    expect(empty.count).toBe(2);
    expect(empty.quantile(1)).toBe(30);
    filled.merge(new QuantileSketch());
    expect(filled.count).toBe(2);
    expect(filled.min).toBe(3);
  });

  it('refuses to merge sketches with a different bucket layout', () => {
    expect(() => new QuantileSketch().merge(new QuantileSketch({ alpha: 0.01 }))).toThrow(RangeError);
  });

  it('forgets everything on clear and can be reused', () => {
    const sketch = new QuantileSketch();
    for (const v of [1, 10, 100, 1000, 0]) sketch.add(v);
    sketch.clear();
    expect(sketch.count).toBe(0);
    expect(sketch.sum).toBe(0);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.max).toBe(0);
    sketch.add(7);
    expect(sketch.count).toBe(1);
    expect(sketch.min).toBe(7);
    for (const q of [0, 0.5, 1]) expect(sketch.quantile(q)).toBe(7);
  });

  it('after clear, answers exactly like a fresh sketch fed the same data', () => {
    const reused = new QuantileSketch();
    for (const v of sample((random) => 1 + 1e6 * random(), 3, 5000)) reused.add(v);
    reused.clear();
    const fresh = new QuantileSketch();
    for (const v of sample((random) => 5 + random(), 4, 5000)) {
      reused.add(v);
      fresh.add(v);
    }
    for (const q of [0.01, 0.5, 0.99]) expect(reused.quantile(q)).toBe(fresh.quantile(q));
  });

  it('uses a fixed number of bins regardless of how many values are added', () => {
    const sketch = new QuantileSketch();
    const bins = sketch.binCount;
    // ln(1e9 / 1e-4) / ln((1 + 0.005) / (1 - 0.005)) ~ 2993 buckets for the defaults.
    expect(bins).toBeGreaterThan(2900);
    expect(bins).toBeLessThan(3100);
    const random = mulberry32(5);
    for (let i = 0; i < 200_000; i++) sketch.add(Math.exp(-12 + 40 * random()));
    expect(sketch.binCount).toBe(bins);
  });
});

describe('several quantiles at once', () => {
  it('answers exactly as one quantile call each, including the ends and an empty sketch', () => {
    const sketch = new QuantileSketch();
    const out: number[] = [];
    sketch.quantilesInto([0.5, 0.99], out);
    expect(out).toEqual([0, 0]);
    const random = mulberry32(7);
    for (let i = 0; i < 5000; i++) sketch.add(i % 50 === 0 ? 0 : -Math.log(1 - random()) * 20);
    const qs = [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1];
    sketch.quantilesInto(qs, out);
    expect(out).toEqual(qs.map((q) => sketch.quantile(q)));
  });
});
