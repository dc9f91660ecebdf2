import { studentTCdf, studentTQuantile } from './student-t';

describe("Student's t quantile", () => {
  // Reference values from standard t tables (two-sided 95 %, i.e. p = 0.975).
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [4, 2.7764],
    [9, 2.2622],
    [29, 2.0452],
    [100, 1.984],
  ])('t(0.975, df = %p) = %p', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 4);
  });

  it('approaches the normal quantile 1.959964 for df = 1e6', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5);
  });

  it.each([
    [0.995, 1, 63.6567],
    [0.95, 5, 2.015],
    [0.9, 10, 1.3722],
    [0.999, 3, 10.2145],
  ])('t(%p, df = %p) = %p', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  it('matches the closed forms for df = 1 (Cauchy) and df = 2', () => {
    for (const p of [0.6, 0.9, 0.99, 0.9999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      const a = 4 * p * (1 - p);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) * Math.sqrt(2 / a), 8);
    }
  });

  it('is symmetric: t(p) = -t(1 - p)', () => {
    for (const df of [1, 3, 17, 250]) {
      for (const p of [0.001, 0.1, 0.3, 0.45]) {
        expect(studentTQuantile(p, df)).toBeCloseTo(-studentTQuantile(1 - p, df), 9);
      }
    }
  });

  it('is 0 at the median and infinite at the ends', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
  });

  it('inverts the CDF', () => {
    for (const df of [0.5, 1, 2.5, 8, 60, 1e4]) {
      for (const p of [1e-6, 0.02, 0.25, 0.5, 0.8, 0.975, 0.999999]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
      }
    }
  });

  it('keeps relative precision in extreme lower tails', () => {
    const t = studentTQuantile(1e-12, 4);
    expect(Math.abs(studentTCdf(t, 4) - 1e-12) / 1e-12).toBeLessThan(1e-8);
  });

  it('rejects invalid arguments', () => {
    expect(() => studentTQuantile(-0.1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(1.1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(NaN, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, Infinity)).toThrow(RangeError);
  });
});

describe("Student's t CDF", () => {
  it('is 0.5 at 0 and tends to 0 and 1 at the ends', () => {
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(studentTCdf(-Infinity, 5)).toBe(0);
    expect(studentTCdf(Infinity, 5)).toBe(1);
  });

  it('matches the Cauchy CDF for df = 1', () => {
    for (const t of [-30, -2, -0.5, 0.1, 1, 4, 1000]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
    }
  });

  it('is symmetric: F(-t) = 1 - F(t)', () => {
    for (const df of [1, 4, 30]) {
      for (const t of [0.2, 1.5, 6]) expect(studentTCdf(-t, df)).toBeCloseTo(1 - studentTCdf(t, df), 12);
    }
  });

  it('is increasing in t', () => {
    let previous = 0;
    for (let t = -20; t <= 20; t += 0.25) {
      const value = studentTCdf(t, 3);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });

  it('rejects NaN t and invalid df', () => {
    expect(() => studentTCdf(NaN, 3)).toThrow(RangeError);
    expect(() => studentTCdf(1, -1)).toThrow(RangeError);
    expect(() => studentTCdf(1, NaN)).toThrow(RangeError);
  });
});
