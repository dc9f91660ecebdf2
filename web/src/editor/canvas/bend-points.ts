import type { Point } from '@architech/editor-core';
import { waypointsOf, type SceneModel } from './scene-model';
import { GRID_SIZE } from './theme';
import { insertionIndex, MAX_WAYPOINTS } from './waypoints';

/*
 * What the pointer gestures do to a connection's bend points, as the new list to hand to
 * `setWaypoints`: add one where the route passes, move one, remove one.
 */

/**
 * The bend points of connection `id` with a new one at `point` (snapped to the grid), placed in
 * the order the route passes `near`; undefined when the connection has no route or already the
 * most bend points.
 */
export function withNewBend(model: SceneModel, id: string, near: Point, point: Point): { readonly points: Point[]; readonly index: number } | undefined {
  const route = model.route(id);
  if (route === undefined) return undefined;
  const existing = waypointsOf(route.connection);
  if (existing.length >= MAX_WAYPOINTS) return undefined;
  const index = insertionIndex(route, existing, near);
  return { index, points: [...existing.slice(0, index), snapPoint(point), ...existing.slice(index)] };
}

/** The bend points of `id` with point `index` at `world`, snapped to the grid unless `free`; undefined when there is no such point. */
export function withBendMoved(model: SceneModel, id: string, index: number, world: Point, free: boolean): Point[] | undefined {
  const route = model.route(id);
  if (route === undefined) return undefined;
  const points = [...waypointsOf(route.connection)];
  if (index >= points.length) return undefined;
  points[index] = free ? { x: Math.round(world.x), y: Math.round(world.y) } : snapPoint(world);
  return points;
}

/** The bend points of `id` without point `index`; undefined when the connection has no route. */
export function withoutBend(model: SceneModel, id: string, index: number): Point[] | undefined {
  const route = model.route(id);
  return route === undefined ? undefined : waypointsOf(route.connection).filter((_, i) => i !== index);
}

/** A point on the grid (bend points snap like cards do). */
function snapPoint(p: Point): Point {
  return { x: Math.round(p.x / GRID_SIZE) * GRID_SIZE, y: Math.round(p.y / GRID_SIZE) * GRID_SIZE };
}
