import { describe, expect, it } from '@jest/globals';
import { pointAlong, routePathOf } from './route-path';

describe('a point along a route', () => {
  // An L: 100 right, then 50 down.
  const path = routePathOf({ points: [0, 0, 100, 0, 100, 50] });
  const at = { x: 0, y: 0 };

  it('is measured by distance along the polyline', () => {
    expect(Array.from(path.lengths)).toEqual([0, 100, 150]);
    pointAlong(path, 0.5, at);
    expect(at).toEqual({ x: 75, y: 0 });
    pointAlong(path, 0.9, at);
    expect(at).toEqual({ x: 100, y: 35 });
  });

  it('stays on the route outside 0…1', () => {
    pointAlong(path, -1, at);
    expect(at).toEqual({ x: 0, y: 0 });
    pointAlong(path, 2, at);
    expect(at).toEqual({ x: 100, y: 50 });
  });
});
