import type { Route } from '../../editor/canvas/connection-route';

/**
 * A connection's polyline prepared for moving a dot along it: the cumulative length at each vertex,
 * so a position is a short scan over the route's few segments, with no allocation.
 */
export interface RoutePath {
  readonly points: readonly number[];
  /** `lengths[k]` is the distance along the route to vertex k; the last entry is the total. */
  readonly lengths: Float64Array;
}

/** Measures a route once. */
export function routePathOf(route: Pick<Route, 'points'>): RoutePath {
  const { points } = route;
  const n = points.length / 2;
  const lengths = new Float64Array(Math.max(1, n));
  for (let k = 1; k < n; k++) lengths[k] = lengths[k - 1] + Math.hypot(points[2 * k] - points[2 * k - 2], points[2 * k + 1] - points[2 * k - 1]);
  return { points, lengths };
}

/**
 * The point at `fraction` (0 = source end, 1 = target end) along a path, written into `out` (reused
 * across calls, so a frame with hundreds of dots allocates nothing).
 */
export function pointAlong(path: RoutePath, fraction: number, out: { x: number; y: number }): void {
  const { points, lengths } = path;
  const last = lengths.length - 1;
  if (last === 0) {
    out.x = points[0];
    out.y = points[1];
    return;
  }
  const distance = Math.min(1, Math.max(0, fraction)) * lengths[last];
  let k = 1;
  while (k < last && lengths[k] < distance) k++;
  const segment = lengths[k] - lengths[k - 1];
  const f = segment > 0 ? (distance - lengths[k - 1]) / segment : 0;
  out.x = points[2 * k - 2] + (points[2 * k] - points[2 * k - 2]) * f;
  out.y = points[2 * k - 1] + (points[2 * k + 1] - points[2 * k - 1]) * f;
}
