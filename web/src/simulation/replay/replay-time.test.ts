import { describe, expect, it } from '@jest/globals';
import { formatClock, spokenTime, timeTicks } from './replay-time';

describe('replay times', () => {
  it('read as a clock, rounded down', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(205.9)).toBe('03:25');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('00:00');
  });

  it('are spoken in words for screen readers', () => {
    expect(spokenTime(205)).toBe('3 minutes 25 seconds');
    expect(spokenTime(60)).toBe('1 minute');
    expect(spokenTime(0)).toBe('0 seconds');
    expect(spokenTime(3601)).toBe('1 hour 1 second');
  });

  it('get round ticks, at most the number asked for', () => {
    expect(timeTicks(600, 10)).toEqual([0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600]);
    expect(timeTicks(3600, 10)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600]);
    expect(timeTicks(45, 10)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
  });
});
