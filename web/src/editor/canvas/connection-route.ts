import type { Box, Point } from '@architech/editor-core';
import { NO_OBSTACLES, type Obstacles } from './obstacle-grid';

/** A connection's path on the canvas: a polyline as flat `[x0, y0, x1, y1, …]`, world units. */
export interface Route {
  readonly points: readonly number[];
  /** The box round the polyline, for culling and a cheap first hit test. */
  readonly bounds: Box;
}

/** How far a route runs straight out of the source and into the target before it turns. */
const STUB = 16;
/** Clearance kept round cards a route passes by. */
const CLEARANCE = 12;
/** What a bend costs against length when routes are compared (world units). */
const BEND_COST = 24;
/** What crossing a card costs: more than any detour. */
const CROSSING_COST = 100_000;

type Side = 'left' | 'right' | 'top' | 'bottom';

/** Where a route leaves or enters a card: the middle of a side. */
function port(box: Box, side: Side): Point {
  if (side === 'right') return { x: box.x + box.width, y: box.y + box.height / 2 };
  if (side === 'left') return { x: box.x, y: box.y + box.height / 2 };
  if (side === 'bottom') return { x: box.x + box.width / 2, y: box.y + box.height };
  return { x: box.x + box.width / 2, y: box.y };
}

/**
 * The pairs of sides that face each other, preferred first: left/right when the cards are apart
 * sideways with room for a jog (requests read left to right), top/bottom when they are stacked.
 */
export function facingSides(source: Box, target: Box): [Side, Side][] {
  const rightward = target.x + target.width / 2 >= source.x + source.width / 2;
  const downward = target.y + target.height / 2 >= source.y + source.height / 2;
  const gapX = rightward ? target.x - (source.x + source.width) : source.x - (target.x + target.width);
  const gapY = downward ? target.y - (source.y + source.height) : source.y - (target.y + target.height);
  const sideways: [Side, Side] = rightward ? ['right', 'left'] : ['left', 'right'];
  const stacked: [Side, Side] = downward ? ['bottom', 'top'] : ['top', 'bottom'];
  const out: [Side, Side][] = [];
  if (gapX >= 2 * STUB || (gapX > 0 && gapY <= 0)) out.push(sideways);
  if (gapY > 0) out.push(stacked);
  if (gapX > 0 && !out.includes(sideways)) out.push(sideways);
  return out;
}

/**
 * The orthogonal route of a connection between the nearest sides of its cards (right → left when
 * the target is to the right, bottom → top when it is below, and so on), going round the other
 * cards: of a few candidate paths (a straight line, one jog at different places, a detour above or
 * below what is in the way) the one crossing no card, then with the fewest bends and the shortest
 * length, wins. With `waypoints` (bend points the user placed) the route runs through them in
 * order. Cards too close to face each other get a detour from the source's right into the
 * target's left.
 */
export function routeBetween(source: Box, target: Box, obstacles: Obstacles = NO_OBSTACLES, waypoints: readonly Point[] = []): Route {
  const points = waypoints.length > 0 ? throughWaypoints(source, target, waypoints) : bestRoute(source, target, obstacles);
  return { points, bounds: boundsOf(points) };
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function bestRoute(source: Box, target: Box, obstacles: Obstacles): number[] {
  const options = facingSides(source, target);
  if (options.length === 0) return overlapping(source, target);
  // The plainest route of each facing pair that crosses no card; else a search round the cards.
  for (const sides of options) {
    const plain = routeFacing(source, target, obstacles, sides, false);
    if (plain) return plain;
  }
  return routeFacing(source, target, obstacles, options[0]!, true)!;
}

function routeFacing(source: Box, target: Box, obstacles: Obstacles, sides: [Side, Side], search: boolean): number[] | undefined {
  const horizontal = sides[0] === 'left' || sides[0] === 'right';
  // Work in a frame where the route runs along x; stacked cards are the same problem turned.
  const flip = (b: Box): Box => (horizontal ? b : { x: b.y, y: b.x, width: b.height, height: b.width });
  const s = port(source, sides[0]);
  const t = port(target, sides[1]);
  const [sx, sy, tx, ty] = horizontal ? [s.x, s.y, t.x, t.y] : [s.y, s.x, t.y, t.x];
  const frame: Obstacles = horizontal ? obstacles : { near: (x0, y0, x1, y1, margin) => obstacles.near(y0, x0, y1, x1, margin).map(flip) };
  const ends = [flip(source), flip(target)];
  const isEnd = (b: Box) => sameBox(b, ends[0]!) || sameBox(b, ends[1]!);
  const dir = Math.sign(tx - sx) || 1;
  const mid = Math.round((sx + tx) / 2);
  // Candidates from the plainest: a straight line, then one jog half-way (every one-jog route is as
  // long as any other), so the common case costs one or two checks; the first that crosses no card
  // wins. Only when both cross are jogs beside the cards in the way and detours round them tried.
  const plain: number[][] = sy === ty ? [[sx, sy, tx, ty]] : [[sx, sy, mid, sy, mid, ty, tx, ty]];
  if (!search) {
    for (const candidate of plain) if (costOf(candidate, frame, isEnd, CROSSING_COST) < CROSSING_COST) return unflip(withoutRedundant(candidate), horizontal);
    return undefined;
  }
  const candidates: number[][] = [...plain];
  const lo = Math.min(sx, tx) + STUB;
  const hi = Math.max(sx, tx) - STUB;
  if (sy !== ty) {
    const jogs = new Set<number>();
    for (const o of frame.near(sx, Math.min(sy, ty), tx, Math.max(sy, ty), CLEARANCE)) {
      if (isEnd(o)) continue;
      jogs.add(Math.round(o.x - CLEARANCE));
      jogs.add(Math.round(o.x + o.width + CLEARANCE));
    }
    for (const m of [...jogs].sort((x, y) => Math.abs(x - mid) - Math.abs(y - mid))) if (m >= lo && m <= hi) candidates.push([sx, sy, m, sy, m, ty, tx, ty]);
  }
  // Detours above and below whatever lies between the cards.
  const a = sx + dir * STUB;
  const b = tx - dir * STUB;
  const between = frame.near(a, Math.min(sy, ty), b, Math.max(sy, ty), CLEARANCE).filter((o) => !isEnd(o));
  if (between.length > 0) {
    const top = Math.min(...between.map((o) => o.y)) - CLEARANCE;
    const bottom = Math.max(...between.map((o) => o.y + o.height)) + CLEARANCE;
    for (const y of [top, bottom]) candidates.push([sx, sy, a, sy, a, y, b, y, b, ty, tx, ty]);
  }
  let best = candidates[0]!;
  let bestCost = Infinity;
  for (const candidate of candidates) {
    const cost = costOf(candidate, frame, isEnd, bestCost);
    if (cost < bestCost) {
      bestCost = cost;
      best = candidate;
    }
  }
  return unflip(withoutRedundant(best), horizontal);
}

/** Points of the working frame back in world coordinates (x and y swapped back for stacked cards). */
function unflip(points: number[], horizontal: boolean): number[] {
  if (horizontal) return points;
  const turned: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) turned.push(points[i + 1]!, points[i]!);
  return turned;
}

/** Length plus bends, plus a prohibitive cost per card a segment crosses (the cards it joins aside); stops past `limit`. */
function costOf(points: readonly number[], obstacles: Obstacles, isEnd: (b: Box) => boolean, limit: number): number {
  let cost = 0;
  for (let i = 0; i + 3 < points.length && cost < limit; i += 2) {
    const x0 = points[i]!;
    const y0 = points[i + 1]!;
    const x1 = points[i + 2]!;
    const y1 = points[i + 3]!;
    cost += Math.abs(x1 - x0) + Math.abs(y1 - y0);
    if (i > 0) cost += BEND_COST;
    for (const b of obstacles.near(x0, y0, x1, y1, 0)) {
      if (!isEnd(b) && crosses(b, x0, y0, x1, y1)) cost += CROSSING_COST;
    }
  }
  return cost;
}

/** Whether an axis-parallel segment passes through `b` grown by half the clearance. */
function crosses(b: Box, x0: number, y0: number, x1: number, y1: number): boolean {
  const m = CLEARANCE / 2;
  const left = b.x - m;
  const right = b.x + b.width + m;
  const top = b.y - m;
  const bottom = b.y + b.height + m;
  if (y0 === y1) return y0 > top && y0 < bottom && Math.max(x0, x1) > left && Math.min(x0, x1) < right;
  return x0 > left && x0 < right && Math.max(y0, y1) > top && Math.min(y0, y1) < bottom;
}

/** Drops zero-length segments and points in the middle of a straight run. */
function withoutRedundant(points: readonly number[]): number[] {
  const out: number[] = [points[0]!, points[1]!];
  for (let i = 2; i + 1 < points.length; i += 2) {
    const x = points[i]!;
    const y = points[i + 1]!;
    const n = out.length;
    if (out[n - 2] === x && out[n - 1] === y) continue;
    if (n >= 4) {
      const px = out[n - 4]!;
      const py = out[n - 3]!;
      const qx = out[n - 2]!;
      const qy = out[n - 1]!;
      if ((px === qx && qx === x) || (py === qy && qy === y)) {
        out[n - 2] = x;
        out[n - 1] = y;
        continue;
      }
    }
    out.push(x, y);
  }
  return out;
}

/** Cards too close to face each other: out of the source's right, round below, into the target's left. */
function overlapping(source: Box, target: Box): number[] {
  const sx = source.x + source.width;
  const sy = source.y + source.height / 2;
  const tx = target.x;
  const ty = target.y + target.height / 2;
  const out = sx + STUB;
  const into = tx - STUB;
  const midY = Math.max(source.y + source.height, target.y + target.height) + 2 * STUB;
  return [sx, sy, out, sy, out, midY, into, midY, into, ty, tx, ty];
}

/**
 * A route through the user's bend points: out of the source side facing the first point, an
 * elbow into each point, and into the target side facing the last point.
 */
function throughWaypoints(source: Box, target: Box, waypoints: readonly Point[]): number[] {
  const exit = sideToward(source, waypoints[0]!);
  const entry = sideToward(target, waypoints[waypoints.length - 1]!);
  const s = port(source, exit);
  const t = port(target, entry);
  const points: number[] = [s.x, s.y];
  let cx = s.x;
  let cy = s.y;
  // Each bend point is reached along the exit's direction first, then across it, so the route turns there.
  const exitAlongX = exit === 'left' || exit === 'right';
  for (const w of waypoints) {
    if (exitAlongX) points.push(w.x, cy, w.x, w.y);
    else points.push(cx, w.y, w.x, w.y);
    cx = w.x;
    cy = w.y;
  }
  // The last leg runs along the entry side's normal.
  if (entry === 'left' || entry === 'right') points.push(cx, t.y, t.x, t.y);
  else points.push(t.x, cy, t.x, t.y);
  return withoutRedundant(points);
}

/** The side of `box` facing point `p`. */
function sideToward(box: Box, p: Point): Side {
  const dx = (p.x - (box.x + box.width / 2)) / box.width;
  const dy = (p.y - (box.y + box.height / 2)) / box.height;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
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
