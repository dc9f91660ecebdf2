import { mser5 } from './mser';
import { mulberry32 } from '../../test/mulberry32';


/** Noise uniform in [-1, 1) around `level`. */
function noisy(random: () => number, level: number): number {
  return level + 2 * random() - 1;
}

/** 200 points decaying linearly from 100 to 10, then `steady` noisy points around 10. */
function transientThenSteady(seed: number, steady: number): number[] {
  const random = mulberry32(seed);
  const series: number[] = [];
  for (let i = 0; i < 200; i++) series.push(noisy(random, 100 - (90 * i) / 199));
  for (let i = 0; i < steady; i++) series.push(noisy(random, 10));
  return series;
}

describe('MSER-5 warm-up truncation', () => {
  it.each([1, 2, 3, 4, 5])('truncates near the end of an initial transient (seed %p)', (seed) => {
    const { truncateAt, batches } = mser5(transientThenSteady(seed, 1800));
    expect(batches).toBe(400);
    expect(truncateAt).toBeGreaterThanOrEqual(100);
    expect(truncateAt).toBeLessThanOrEqual(300);
    expect(truncateAt % 5).toBe(0);
  });

  it.each([11, 12, 13, 14, 15])('truncates little of a stationary series (seed %p)', (seed) => {
    const random = mulberry32(seed);
    const series = Array.from({ length: 2000 }, () => noisy(random, 10));
    expect(mser5(series).truncateAt).toBeLessThanOrEqual(200);
  });

  it('does not truncate a constant series', () => {
    expect(mser5(new Array(1000).fill(7.3))).toEqual({ truncateAt: 0, batches: 200 });
  });

  it('does not truncate series shorter than two batches', () => {
    expect(mser5([])).toEqual({ truncateAt: 0, batches: 0 });
    expect(mser5([100, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual({ truncateAt: 0, batches: 1 });
  });

  it('drops an incomplete trailing batch', () => {
    // The last 3 points would form an incomplete batch; their huge values must not matter.
    const series = [...new Array(10).fill(50), ...new Array(40).fill(1), 1e9, 1e9, 1e9];
    expect(mser5(series)).toEqual({ truncateAt: 10, batches: 10 });
  });

  it('finds an obvious level shift exactly', () => {
    const series = [...new Array(30).fill(100), ...new Array(170).fill(10)];
    expect(mser5(series).truncateAt).toBe(30);
  });

  it('never truncates more than maxFraction of the batches', () => {
    // The transient covers 80 % of the series; the default caps truncation at half.
    const series = [...new Array(800).fill(100), ...new Array(200).fill(10)];
    expect(mser5(series).truncateAt).toBeLessThanOrEqual(500);
    expect(mser5(series, { maxFraction: 0 }).truncateAt).toBe(0);
  });

  it('keeps at least two batches even with maxFraction = 1', () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(mser5(series, { batchSize: 1, maxFraction: 1 }).truncateAt).toBeLessThanOrEqual(8);
  });

  it('honours a custom batch size', () => {
    const series = [...new Array(40).fill(100), ...new Array(160).fill(10)];
    expect(mser5(series, { batchSize: 10 })).toEqual({ truncateAt: 40, batches: 20 });
  });

  it('picks the smallest d among ties', () => {
    // Batch means 5, 5, 1, 1, 1, 1: d = 2 and later d all give MSER 0; the smallest (2) wins.
    const series = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, ...new Array(20).fill(1)];
    expect(mser5(series).truncateAt).toBe(10);
  });

  it('rejects invalid options', () => {
    expect(() => mser5([1, 2, 3], { batchSize: 0 })).toThrow(RangeError);
    expect(() => mser5([1, 2, 3], { batchSize: 2.5 })).toThrow(RangeError);
    expect(() => mser5([1, 2, 3], { maxFraction: -0.1 })).toThrow(RangeError);
    expect(() => mser5([1, 2, 3], { maxFraction: 1.5 })).toThrow(RangeError);
  });
});
