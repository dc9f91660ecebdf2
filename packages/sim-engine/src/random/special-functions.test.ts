import { erf, erfc, normalCdf, normalPdf } from './special-functions';

/** Relative error, so tail values are judged on their own scale. */
const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('erf / erfc', () => {
  // Reference values from mpmath at 30 digits.
  const erfcTable: [number, number][] = [
    [0.1, 0.887537083981715101595],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047265],
    [1.4999, 0.0339067483377047294], // just below the series/continued-fraction switch
    [1.5, 0.0338948535246892729],
    [2.5, 0.000406952017444958939],
    [2.44, 0.000559173883551421566],
    [3, 2.2090496998585438e-5],
    [4, 1.54172579002800188e-8],
    [7, 4.1838256077794144e-23],
    [26, 5.66319240885614285e-296],
  ];

  it.each(erfcTable)('erfc(%p) is within 1e-13 relative of the reference', (x, want) => {
    expect(rel(erfc(x), want)).toBeLessThan(1e-13);
  });

  it('satisfies erfc(-x) = 2 - erfc(x) and erf = 1 - erfc', () => {
    expect(erfc(-1)).toBeCloseTo(1.842700792949715, 15);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(-0.5)).toBeCloseTo(-0.5204998778130465, 15);
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
  });

  it('has no jump at the method switch', () => {
    expect(rel(erfc(1.5 - 1e-12), erfc(1.5))).toBeLessThan(1e-10);
  });

  it('propagates NaN', () => {
    expect(erfc(NaN)).toBeNaN();
    expect(erf(NaN)).toBeNaN();
  });
});

describe('normal pdf / cdf', () => {
  it('matches known values', () => {
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
  });

  it('keeps relative accuracy in the lower tail', () => {
    expect(rel(normalCdf(-5), 2.866515718791933e-7)).toBeLessThan(1e-10);
    expect(rel(normalCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-10);
  });
});
