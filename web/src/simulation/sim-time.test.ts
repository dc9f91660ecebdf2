import { formatSimTime, parseSeconds, secondsParam } from './sim-time';

describe('simulated time', () => {
  it('is written mm:ss.mmm below an hour', () => {
    expect(formatSimTime(0)).toBe('00:00.000');
    expect(formatSimTime(75.25)).toBe('01:15.250');
    expect(formatSimTime(3599.9994)).toBe('59:59.999');
  });

  it('gains an hour field from one hour on', () => {
    expect(formatSimTime(3600)).toBe('1:00:00.000');
    expect(formatSimTime(7325.5)).toBe('2:02:05.500');
  });

  it('rounds to the millisecond without ever writing 1000 ms', () => {
    expect(formatSimTime(59.9996)).toBe('01:00.000');
  });

  it('shows placeholders for impossible times', () => {
    expect(formatSimTime(-1)).toBe('--:--.---');
    expect(formatSimTime(Number.NaN)).toBe('--:--.---');
  });

  it('reads URL seconds strictly and writes them at millisecond precision', () => {
    expect(parseSeconds('12.5')).toBe(12.5);
    expect(parseSeconds('')).toBeUndefined();
    expect(parseSeconds('abc')).toBeUndefined();
    expect(parseSeconds('-3')).toBeUndefined();
    expect(parseSeconds(null)).toBeUndefined();
    expect(secondsParam(12.34567)).toBe('12.346');
    expect(secondsParam(30)).toBe('30');
  });
});
