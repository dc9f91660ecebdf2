import { boxesIntersect } from '@architech/editor-core';
import type { Route } from './connection-route';
import { routeMidpoint } from './route-geometry';
import { drawIssueBadge, type DrawView } from './draw-cards';
import type { RouteModel } from './scene-model';
import { CANVAS_COLORS, CARD, TEXT_MIN_ZOOM } from './theme';

/** Arrowhead length and half-width, world units. */
const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 5;
/** Radius of the rounded elbows. */
const ELBOW = 6;

type RouteStyle = 'normal' | 'error' | 'added' | 'changed' | 'removed';
/** Dash pattern of an optional call. */
const OPTIONAL_DASH = [7, 5];

const STYLE_COLORS: Readonly<Record<RouteStyle, string>> = {
  normal: CANVAS_COLORS.connection,
  error: CANVAS_COLORS.danger,
  added: CANVAS_COLORS.ok,
  changed: CANVAS_COLORS.warning,
  removed: CANVAS_COLORS.danger,
};

/**
 * Draws connections as orthogonal arrows in world coordinates. Routes are grouped by style and each
 * group is one path, stroked once, and one path of arrowheads, filled once: 800 connections cost a
 * handful of canvas calls, not 1,600. Lines keep at least one screen pixel of width when zoomed out.
 */
export function drawRoutes(ctx: CanvasRenderingContext2D, routes: readonly RouteModel[], view: DrawView): void {
  const groups = new Map<string, RouteModel[]>();
  const labelled: RouteModel[] = [];
  for (const route of routes) {
    if (view.visible !== undefined && !boxesIntersect(route.bounds, view.visible)) continue;
    const key = `${styleOf(route)}${route.optional ? ':optional' : ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [route]);
    else group.push(route);
    if (route.label !== undefined) labelled.push(route);
  }
  const width = Math.max(1.5, 1 / view.zoom);
  for (const [key, group] of groups) {
    const style = key.split(':')[0] as RouteStyle;
    ctx.save();
    if (style === 'removed') ctx.globalAlpha *= 0.45;
    strokeRoutes(ctx, group, STYLE_COLORS[style], style === 'normal' ? width : Math.max(2, width), style === 'removed' ? [6, 4] : key.endsWith(':optional') ? OPTIONAL_DASH : []);
    ctx.restore();
  }
  if (labelled.length > 0 && view.zoom >= TEXT_MIN_ZOOM) drawLabels(ctx, labelled);
  const withCounts = view.zoom >= TEXT_MIN_ZOOM;
  for (const group of groups.values()) {
    for (const route of group) {
      if (route.issues === undefined) continue;
      const mid = routeMidpoint(route);
      drawIssueBadge(ctx, mid.x, mid.y, route.issues.errors.length, route.issues.warnings.length, withCounts);
    }
  }
}

/** The call labels ("② · 30 % · optional") as pills on the routes' midpoints: one path of pills, then the texts. */
function drawLabels(ctx: CanvasRenderingContext2D, routes: readonly RouteModel[]): void {
  const height = 16;
  const at = routes.map((route) => routeMidpoint(route));
  ctx.beginPath();
  routes.forEach((route, i) => ctx.roundRect(at[i]!.x - route.label!.width / 2, at[i]!.y - height / 2, route.label!.width, height, height / 2));
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = CANVAS_COLORS.connection;
  ctx.lineWidth = 1;
  ctx.stroke();
  ctx.font = CARD.previewFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = CANVAS_COLORS.text;
  routes.forEach((route, i) => ctx.fillText(route.label!.text, at[i]!.x, at[i]!.y + 0.5));
}

/** Strokes routes as one path in `color` and fills their arrowheads; used for highlights too. */
export function strokeRoutes(ctx: CanvasRenderingContext2D, routes: readonly Route[], color: string, width: number, dash: number[]): void {
  if (routes.length === 0) return;
  ctx.beginPath();
  for (const route of routes) traceLine(ctx, route.points);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const route of routes) traceArrowhead(ctx, route.points);
  ctx.fillStyle = color;
  ctx.fill();
}

/** Adds a polyline with rounded elbows, stopping where the arrowhead begins. */
function traceLine(ctx: CanvasRenderingContext2D, points: readonly number[]): void {
  const n = points.length;
  if (n < 4) return;
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i + 3 < n; i += 2) ctx.arcTo(points[i], points[i + 1], points[i + 2], points[i + 3], ELBOW);
  const [bx, by] = arrowBase(points);
  ctx.lineTo(bx, by);
}

/** Adds the triangle at the end of a polyline, pointing along its last segment. */
export function traceArrowhead(ctx: CanvasRenderingContext2D, points: readonly number[]): void {
  const n = points.length;
  if (n < 4) return;
  const tipX = points[n - 2];
  const tipY = points[n - 1];
  const [ux, uy] = direction(points);
  const baseX = tipX - ux * ARROW_LENGTH;
  const baseY = tipY - uy * ARROW_LENGTH;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH);
  ctx.lineTo(baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH);
  ctx.closePath();
}

function arrowBase(points: readonly number[]): [number, number] {
  const n = points.length;
  const [ux, uy] = direction(points);
  const segment = Math.hypot(points[n - 2] - points[n - 4], points[n - 1] - points[n - 3]);
  const back = Math.min(ARROW_LENGTH - 1, segment);
  return [points[n - 2] - ux * back, points[n - 1] - uy * back];
}

/** The unit vector of the last segment (rightwards for a zero-length one). */
function direction(points: readonly number[]): [number, number] {
  const n = points.length;
  const dx = points[n - 2] - points[n - 4];
  const dy = points[n - 1] - points[n - 3];
  const length = Math.hypot(dx, dy);
  return length === 0 ? [1, 0] : [dx / length, dy / length];
}

function styleOf(route: RouteModel): RouteStyle {
  if (route.diff !== undefined) return route.diff;
  return route.issues !== undefined && route.issues.errors.length > 0 ? 'error' : 'normal';
}
