import { TimeWeightedValue } from './time-weighted';

describe('a time-weighted value', () => {
  it('starts at 0 with no area', () => {
    const busy = new TimeWeightedValue(100);
    expect(busy.value).toBe(0);
    expect(busy.areaUntil(100)).toBe(0);
    expect(busy.areaUntil(500)).toBe(0);
    expect(busy.windowStart).toBe(100);
  });

  it('integrates a piecewise-constant quantity', () => {
    const queue = new TimeWeightedValue();
    queue.set(10, 3); // 0 over [0, 10)
    queue.add(20, 2); // 3 over [10, 20) -> 30
    queue.add(25, -4); // 5 over [20, 25) -> 25
    expect(queue.value).toBe(1);
    expect(queue.areaUntil(35)).toBe(30 + 25 + 10);
    expect(queue.averageUntil(35)).toBeCloseTo(65 / 35, 12);
  });

  it('does not change state when the area is only read', () => {
    const busy = new TimeWeightedValue();
    busy.set(0, 2);
    expect(busy.areaUntil(10)).toBe(20);
    expect(busy.areaUntil(10)).toBe(20);
    expect(busy.areaUntil(15)).toBe(30);
    // An earlier read time is still valid because nothing was advanced.
    expect(busy.areaUntil(5)).toBe(10);
  });

  it('accepts several changes at the same instant', () => {
    const busy = new TimeWeightedValue();
    busy.add(5, 1);
    busy.add(5, 1);
    busy.add(5, -1);
    expect(busy.value).toBe(1);
    expect(busy.areaUntil(9)).toBe(4);
  });

  it('returns the area of each window and restarts it on take', () => {
    const busy = new TimeWeightedValue();
    busy.set(500, 4);
    expect(busy.takeArea(1000)).toBe(2000); // first 1-second bucket
    expect(busy.windowStart).toBe(1000);
    busy.set(1250, 2);
    expect(busy.takeArea(2000)).toBe(4 * 250 + 2 * 750);
    expect(busy.takeArea(3000)).toBe(2000); // unchanged value carries into the next window
    expect(busy.takeArea(3000)).toBe(0);
    expect(busy.value).toBe(2);
  });

  it('discards the warm-up area on reset but keeps the current value', () => {
    const queue = new TimeWeightedValue();
    queue.set(0, 100);
    queue.resetArea(50);
    expect(queue.areaUntil(50)).toBe(0);
    expect(queue.value).toBe(100);
    expect(queue.areaUntil(60)).toBe(1000);
    expect(queue.averageUntil(60)).toBe(100);
  });

  it('averages an empty window as 0', () => {
    const queue = new TimeWeightedValue(10);
    queue.set(10, 5);
    expect(queue.averageUntil(10)).toBe(0);
  });

  it('rejects times earlier than the last change', () => {
    const busy = new TimeWeightedValue(10);
    expect(() => busy.set(9, 1)).toThrow(RangeError);
    busy.set(20, 1);
    expect(() => busy.add(19, 1)).toThrow(RangeError);
    expect(() => busy.areaUntil(15)).toThrow(RangeError);
    expect(() => busy.takeArea(15)).toThrow(RangeError);
    expect(() => busy.set(NaN, 1)).toThrow(RangeError);
    // The failed calls must not have disturbed the state.
    expect(busy.value).toBe(1);
    expect(busy.areaUntil(30)).toBe(10);
  });
});
