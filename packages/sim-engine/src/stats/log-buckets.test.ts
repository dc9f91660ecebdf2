import { LogBuckets } from './log-buckets';
import { mulberry32 } from '../../test/mulberry32';

// The layout of every engine sketch (QuantileSketch's defaults).
const alpha = 0.005;
const minValue = 1e-4;
const maxValue = 1e9;
const invLogGamma = 1 / Math.log((1 + alpha) / (1 - alpha));
const offset = Math.ceil(Math.log(minValue) * invLogGamma);
const count = Math.ceil(Math.log(maxValue) * invLogGamma) - offset + 1;

/** The double `steps` representable values away from positive `value`. */
function step(value: number, steps: number): number {
  const f = new Float64Array([value]);
  const bits = new BigInt64Array(f.buffer);
  bits[0] += BigInt(steps);
  return f[0];
}

describe('LogBuckets', () => {
  it('gives the logarithm formula’s bucket for every value near every bucket edge', () => {
    // A logarithm off by an ulp could only change the bucket within a few dozen values of an edge.
    const buckets = new LogBuckets(minValue, maxValue, invLogGamma, offset, count);
    let mismatches = 0;
    let checked = 0;
    for (let k = 0; k < count - 1; k++) {
      const edge = Math.exp((k + offset) / invLogGamma);
      for (let d = -128; d <= 128; d++) {
        const v = step(edge, d);
        if (v <= minValue || v > maxValue) continue;
        checked++;
        if (buckets.index(v) !== buckets.formula(v)) mismatches++;
      }
    }
    expect(checked).toBeGreaterThan(700_000);
    expect(mismatches).toBe(0);
  });

  it('gives the formula’s bucket for random values across the range and at its ends', () => {
    const buckets = new LogBuckets(minValue, maxValue, invLogGamma, offset, count);
    const random = mulberry32(21);
    const values = [maxValue, step(maxValue, -1), step(minValue, 1), 1, 2, 0.5, 1000];
    for (let i = 0; i < 200_000; i++) values.push(Math.exp(Math.log(minValue) + random() * Math.log(maxValue / minValue)));
    const wrong = values.filter((v) => v > minValue && v <= maxValue && buckets.index(v) !== buckets.formula(v));
    expect(wrong).toEqual([]);
  });
});
