import type { Box, Point } from './geometry';

/**
 * An alignment guide to draw while dragging: a vertical line at `x = at` or a horizontal line at
 * `y = at`, running `from`–`to` along the other axis over the boxes it aligns. World units.
 */
export interface Guide {
  readonly orientation: 'vertical' | 'horizontal';
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Where the dragged box should go, and the guides that explain why. */
export interface SnapResult {
  /** The snapped top-left corner. */
  readonly position: Point;
  readonly guides: readonly Guide[];
}

/** Options of {@link snapToGuides} and {@link snapBox}. */
export interface SnapOptions {
  /** The current zoom: the threshold is in screen px, so it covers fewer world units zoomed in. */
  readonly zoom: number;
  /** How close, in screen px, an edge or centre must come to snap; {@link DEFAULT_SNAP_THRESHOLD_PX} by default. */
  readonly thresholdPx?: number;
}

/** Snap distance when none is given, screen px. */
export const DEFAULT_SNAP_THRESHOLD_PX = 6;

type Axis = 'x' | 'y';

/** Lines closer than this are drawn as one guide (floating-point noise from zoomed drags). */
const SAME_LINE = 1e-6;

/** The nearest multiple of `gridSize` for each coordinate; the point unchanged if `gridSize` is not positive. */
export function snapToGrid(point: Point, gridSize: number): Point {
  if (!(gridSize > 0)) return point;
  return { x: roundTo(point.x, gridSize), y: roundTo(point.y, gridSize) };
}

/**
 * Snaps a dragged box to the others: on each axis independently, the smallest move within the
 * threshold that lines up one of its edges or its centre with an edge or centre of another box.
 * Returns the guides along which the snapped box is aligned.
 *
 * @example snapToGuides(draggedBox, otherBoxes, { zoom: viewport.zoom })
 */
export function snapToGuides(moving: Box, others: readonly Box[], options: SnapOptions): SnapResult {
  const limit = (options.thresholdPx ?? DEFAULT_SNAP_THRESHOLD_PX) / options.zoom;
  const position = {
    x: moving.x + (nearestAlignment(moving, others, 'x', limit) ?? 0),
    y: moving.y + (nearestAlignment(moving, others, 'y', limit) ?? 0),
  };
  return { position, guides: guidesFor({ ...moving, ...position }, others) };
}

/**
 * What a drag should use: alignment with other boxes where one is within the threshold, else the
 * grid (when `gridSize` is given), axis by axis.
 */
export function snapBox(moving: Box, others: readonly Box[], options: SnapOptions & { readonly gridSize?: number }): SnapResult {
  const limit = (options.thresholdPx ?? DEFAULT_SNAP_THRESHOLD_PX) / options.zoom;
  const grid = snapToGrid(moving, options.gridSize ?? 0);
  const dx = nearestAlignment(moving, others, 'x', limit);
  const dy = nearestAlignment(moving, others, 'y', limit);
  const position = { x: dx === undefined ? grid.x : moving.x + dx, y: dy === undefined ? grid.y : moving.y + dy };
  return { position, guides: guidesFor({ ...moving, ...position }, others) };
}

/** Left, centre and right (or top, middle and bottom) of a box. */
function lines(box: Box, axis: Axis): [number, number, number] {
  const start = axis === 'x' ? box.x : box.y;
  const length = axis === 'x' ? box.width : box.height;
  return [start, start + length / 2, start + length];
}

/** The box's extent across the guide: its top–bottom for a vertical guide. */
function span(box: Box, axis: Axis): [number, number] {
  return axis === 'x' ? [box.y, box.y + box.height] : [box.x, box.x + box.width];
}

function nearestAlignment(moving: Box, others: readonly Box[], axis: Axis, limit: number): number | undefined {
  let best: number | undefined;
  const own = lines(moving, axis);
  for (const other of others) {
    for (const target of lines(other, axis)) {
      for (const line of own) {
        const delta = target - line;
        if (Math.abs(delta) <= limit && (best === undefined || Math.abs(delta) < Math.abs(best))) best = delta;
      }
    }
  }
  return best;
}

function guidesFor(moving: Box, others: readonly Box[]): Guide[] {
  const guides: Guide[] = [];
  for (const axis of ['x', 'y'] as const) {
    const byLine = new Map<number, { from: number; to: number }>();
    const own = lines(moving, axis);
    for (const other of others) {
      for (const target of lines(other, axis)) {
        if (!own.some((line) => Math.abs(line - target) <= SAME_LINE)) continue;
        const [a, b] = span(moving, axis);
        const [c, d] = span(other, axis);
        const seen = byLine.get(target);
        byLine.set(target, { from: Math.min(a, c, seen?.from ?? a), to: Math.max(b, d, seen?.to ?? b) });
      }
    }
    const orientation = axis === 'x' ? 'vertical' : 'horizontal';
    for (const [at, extent] of [...byLine].sort(([p], [q]) => p - q)) guides.push({ orientation, at, ...extent });
  }
  return guides;
}

function roundTo(value: number, step: number): number {
  // `+ 0` turns the -0 that Math.round gives for small negatives into 0.
  return Math.round(value / step) * step + 0;
}
