import type { Point } from '@architech/editor-core';
import type { Route } from './connection-route';

/** The distance from `p` to the nearest point of a polyline, world units. */
export function distanceToRoute(route: Route, p: Point): number {
  const pts = route.points;
  let best = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    best = Math.min(best, distanceToSegment(p, pts[i]!, pts[i + 1]!, pts[i + 2]!, pts[i + 3]!));
  }
  return best;
}

/** The point half-way along a route, where its badge goes. */
export function routeMidpoint(route: Route): Point {
  const pts = route.points;
  let total = 0;
  for (let i = 0; i + 3 < pts.length; i += 2) total += Math.hypot(pts[i + 2] - pts[i], pts[i + 3] - pts[i + 1]);
  let left = total / 2;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const length = Math.hypot(pts[i + 2] - pts[i], pts[i + 3] - pts[i + 1]);
    if (left <= length && length > 0) {
      const t = left / length;
      return { x: pts[i] + (pts[i + 2] - pts[i]) * t, y: pts[i + 1] + (pts[i + 3] - pts[i + 1]) * t };
    }
    left -= length;
  }
  return { x: pts[0], y: pts[1] };
}

function distanceToSegment(p: Point, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / lengthSquared));
  return Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
}
