import { formatMs, formatNumber, formatPercent, formatRate, formatValue } from './metric-format';

describe('metric formatting', () => {
  it('keeps three significant digits and groups thousands', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(999.4)).toBe('999');
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('writes latencies in ms below a second and in s above', () => {
    expect(formatMs(0.42)).toBe('0.42 ms');
    expect(formatMs(123.4)).toBe('123 ms');
    expect(formatMs(1234)).toBe('1.23 s');
  });

  it('writes rates and ratios with their unit', () => {
    expect(formatRate(80.06)).toBe('80.1 req/s');
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatValue(3, 'count')).toBe('3');
    expect(formatValue(0.5, 'ratio')).toBe('50 %');
  });
});
