import { describe, expect, it } from '@jest/globals';
import { distanceToRoute, routeBetween, routeMidpoint } from './connection-route';

const box = (x: number, y: number) => ({ x, y, width: 160, height: 64 });

describe('a connection route', () => {
  it('runs straight from the right edge to the left edge of cards in line', () => {
    expect(routeBetween(box(0, 0), box(300, 0)).points).toEqual([160, 32, 300, 32]);
  });

  it('jogs half-way between cards at different heights', () => {
    expect(routeBetween(box(0, 0), box(300, 100)).points).toEqual([160, 32, 230, 32, 230, 132, 300, 132]);
  });

  it('detours round a target behind the source and still enters it from the left', () => {
    const route = routeBetween(box(300, 0), box(0, 200));
    const n = route.points.length;
    expect(route.points.slice(0, 2)).toEqual([460, 32]);
    expect(route.points.slice(n - 4)).toEqual([-16, 232, 0, 232]);
    expect(route.points[n - 4]).toBeLessThan(route.points[n - 2]);
  });

  it('measures the distance from a point to the nearest segment', () => {
    const route = routeBetween(box(0, 0), box(300, 100));
    expect(distanceToRoute(route, { x: 230, y: 80 })).toBe(0);
    expect(distanceToRoute(route, { x: 200, y: 37 })).toBe(5);
    expect(routeMidpoint(route)).toEqual({ x: 230, y: 82 });
  });
});
