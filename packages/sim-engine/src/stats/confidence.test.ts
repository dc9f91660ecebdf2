import { meanWithCi95, relativeHalfWidth } from './confidence';

describe('a 95 % mean confidence interval', () => {
  it('uses the sample mean and t_{0.975, n-1} * s / sqrt(n)', () => {
    // mean 5, unbiased variance 32 / 7, t_{0.975, 7} = 2.364624
    const ci = meanWithCi95([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(ci.n).toBe(8);
    expect(ci.mean).toBe(5);
    expect(ci.halfWidth).toBeCloseTo(2.364624 * Math.sqrt(32 / 7 / 8), 5);
  });

  it('matches a textbook two-sample case', () => {
    // mean 2, s = sqrt(2), t_{0.975, 1} = 12.7062
    const ci = meanWithCi95([1, 3]);
    expect(ci.mean).toBe(2);
    expect(ci.halfWidth).toBeCloseTo(12.7062047, 5);
  });

  it('has zero half-width for a single replication, which carries no variance estimate', () => {
    expect(meanWithCi95([3.5])).toEqual({ mean: 3.5, halfWidth: 0, n: 1 });
  });

  it('has zero half-width when all replications agree', () => {
    const ci = meanWithCi95([0.1, 0.1, 0.1, 0.1]);
    expect(ci.halfWidth).toBe(0);
    expect(ci.mean).toBeCloseTo(0.1, 15);
  });

  it('stays accurate for a small spread around a large mean', () => {
    // Naive sum-of-squares would cancel catastrophically here.
    const offset = 1e9;
    const ci = meanWithCi95([offset + 4, offset + 7, offset + 13, offset + 16]);
    expect(ci.mean).toBe(offset + 10);
    // variance 30, t_{0.975, 3} = 3.182446
    expect(ci.halfWidth).toBeCloseTo(3.182446 * Math.sqrt(30 / 4), 4);
  });

  it('rejects an empty input', () => {
    expect(() => meanWithCi95([])).toThrow(RangeError);
  });

  it('covers the true mean about 95 % of the time', () => {
    let a = 2024;
    const random = (): number => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const normal = (): number =>
      Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const trials = 4000;
    let covered = 0;
    for (let trial = 0; trial < trials; trial++) {
      const values = Array.from({ length: 5 }, () => 10 + 3 * normal());
      const ci = meanWithCi95(values);
      if (Math.abs(ci.mean - 10) <= ci.halfWidth) covered++;
    }
    // Binomial standard error ~0.35 %; with the normal quantile instead of t coverage would be ~88 %.
    expect(covered / trials).toBeGreaterThan(0.935);
    expect(covered / trials).toBeLessThan(0.965);
  });
});

describe('the relative half-width', () => {
  it('divides the half-width by the magnitude of the mean', () => {
    expect(relativeHalfWidth({ mean: 50, halfWidth: 2, n: 10 })).toBeCloseTo(0.04, 15);
    expect(relativeHalfWidth({ mean: -50, halfWidth: 2, n: 10 })).toBeCloseTo(0.04, 15);
  });

  it('is Infinity when the mean is 0 but the interval is not', () => {
    expect(relativeHalfWidth({ mean: 0, halfWidth: 1, n: 3 })).toBe(Infinity);
  });

  it('is 0 when both mean and half-width are 0', () => {
    expect(relativeHalfWidth({ mean: 0, halfWidth: 0, n: 3 })).toBe(0);
  });
});
