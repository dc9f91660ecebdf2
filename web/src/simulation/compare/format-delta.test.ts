import { describe, expect, it } from '@jest/globals';
import { formatDifference, formatRelative } from './format-delta';

describe('compare deltas', () => {
  it('round to the precision of the values instead of printing noise', () => {
    expect(formatDifference(-1.08e-7, 'ratio', 0.1162, 0.1162)).toBe('≈ 0 pp');
    expect(formatRelative(-2.15e-7)).toBe('≈ 0 %');
    expect(formatDifference(-0.0035, 'ratio', 0.1197, 0.1162)).toBe('−0.35 pp');
    expect(formatDifference(0.1162, 'ratio', 0, 0.1162)).toBe('+11.6 pp');
  });

  it('keep three significant digits of the larger value', () => {
    expect(formatDifference(12.437, 'ms', 45.3, 57.7)).toBe('+12.4 ms');
    expect(formatDifference(-0.00004, 'ms', 45.3, 45.29996)).toBe('≈ 0');
    expect(formatDifference(-3.21, 'rate', 400.2, 396.99)).toBe('−3 req/s');
    expect(formatDifference(1500, 'ms', 900, 2400)).toBe('+1.5 s');
    expect(formatDifference(7, 'count', 13432, 13439)).toBe('+7');
  });

  it('show relative changes with one decimal under 10 %', () => {
    expect(formatRelative(0.0345)).toBe('+3.5 %');
    expect(formatRelative(-0.5)).toBe('−50 %');
    expect(formatRelative(undefined)).toBe('–');
  });
});
