import type { Box, Point } from '@architech/editor-core';

/** A connection's path on the canvas: a polyline as flat `[x0, y0, x1, y1, …]`, world units. */
export interface Route {
  readonly points: readonly number[];
  /** The box round the polyline, for culling and a cheap first hit test. */
  readonly bounds: Box;
}

/** How far a route runs straight out of the source and into the target before it turns. */
const STUB = 16;

/**
 * The orthogonal route of a connection from the middle of the source's right edge to the middle of
 * the target's left edge (requests flow left to right, as auto-layout arranges them). A target to
 * the right gets one vertical jog half-way; a target behind the source is reached by a detour
 * round the cards so the arrow still enters from the left.
 */
export function routeBetween(source: Box, target: Box): Route {
  const sx = source.x + source.width;
  const sy = source.y + source.height / 2;
  const tx = target.x;
  const ty = target.y + target.height / 2;
  let points: number[];
  if (tx - sx >= 2 * STUB) {
    const midX = Math.round((sx + tx) / 2);
    points = sy === ty ? [sx, sy, tx, ty] : [sx, sy, midX, sy, midX, ty, tx, ty];
  } else {
    const out = sx + STUB;
    const into = tx - STUB;
    const apart = source.y + source.height + STUB <= target.y || target.y + target.height + STUB <= source.y;
    const midY = apart
      ? Math.round((Math.max(source.y, target.y) + Math.min(source.y + source.height, target.y + target.height)) / 2)
      : Math.max(source.y + source.height, target.y + target.height) + 2 * STUB;
    points = [sx, sy, out, sy, out, midY, into, midY, into, ty, tx, ty];
  }
  return { points, bounds: boundsOf(points) };
}

/** The distance from `p` to the nearest point of a polyline, world units. */
export function distanceToRoute(route: Route, p: Point): number {
  const pts = route.points;
  let best = Infinity;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    best = Math.min(best, distanceToSegment(p, pts[i], pts[i + 1], pts[i + 2], pts[i + 3]));
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

function boundsOf(points: readonly number[]): Box {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let i = 0; i + 1 < points.length; i += 2) {
    left = Math.min(left, points[i]);
    right = Math.max(right, points[i]);
    top = Math.min(top, points[i + 1]);
    bottom = Math.max(bottom, points[i + 1]);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
