import { edit, refuse, type Command, type Point } from '@architech/editor-core';
import type { Route } from './connection-route';

/** The most bend points a connection keeps (the design format's limit). */
export const MAX_WAYPOINTS = 32;

/**
 * Sets the bend points of connection `id` (an empty list removes them, and the route is laid out
 * automatically again). One undoable edit; inside a store transaction a whole drag is one step.
 */
export function setWaypoints(id: string, points: readonly Point[]): Command {
  return {
    name: 'set-waypoints',
    perform(state) {
      const index = state.doc.connections.findIndex((c) => c.id === id);
      if (index < 0) return refuse('unknown_element', `no connection has id '${id}'`);
      const connection = state.doc.connections[index]!;
      const { waypoints: _old, ...rest } = connection as typeof connection & { waypoints?: readonly Point[] };
      const next = points.length === 0 ? rest : { ...rest, waypoints: points.slice(0, MAX_WAYPOINTS).map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })) };
      const connections = [...state.doc.connections];
      connections[index] = next as typeof connection;
      return edit({ doc: { ...state.doc, connections } });
    },
  };
}

/** How far along `route` the point nearest to `p` lies (world units from the start). */
export function distanceAlong(route: Route, p: Point): number {
  const pts = route.points;
  let travelled = 0;
  let best = Infinity;
  let at = 0;
  for (let i = 0; i + 3 < pts.length; i += 2) {
    const ax = pts[i]!;
    const ay = pts[i + 1]!;
    const dx = pts[i + 2]! - ax;
    const dy = pts[i + 3]! - ay;
    const length = Math.hypot(dx, dy);
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - ax) * dx + (p.y - ay) * dy) / (length * length)));
    const distance = Math.hypot(p.x - (ax + t * dx), p.y - (ay + t * dy));
    if (distance < best) {
      best = distance;
      at = travelled + t * length;
    }
    travelled += length;
  }
  return at;
}

/** Where a new bend point at `p` goes among `existing`, in the order the route passes them. */
export function insertionIndex(route: Route, existing: readonly Point[], p: Point): number {
  const along = distanceAlong(route, p);
  return existing.filter((w) => distanceAlong(route, w) < along).length;
}
