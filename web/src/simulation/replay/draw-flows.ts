import { boxesIntersect } from '@architech/editor-core';
import type { DrawView } from '../../editor/canvas/draw-cards';
import { flowWidth } from './flow-width';
import type { FrameState } from './frame-state';
import { firstDepartingFrom, type DotTrack } from './request-dots';
import type { ReplayScene } from './replay-scene';
import { REPLAY_COLOURS } from './replay-theme';
import { pointAlong } from './route-path';

/** Error rates at a connection's target from which its flow turns amber, and red. */
const WARN_ERROR_RATE = 0.02;
const BAD_ERROR_RATE = 0.1;
/** Where a flow stops short of its target, so the static layer's arrowhead stays visible. */
const ARROW_CLEARANCE = 11;

/** Radius of a request dot and of a response dot, screen px at 100 %. */
const REQUEST_RADIUS = 4;
const RESPONSE_RADIUS = 3;
/** The most dots drawn at once; beyond, every k-th is drawn (only at extreme speeds over dense samples). */
const MAX_DOTS = 1500;

/**
 * Each connection's throughput as a translucent band over its static arrow, width on a log scale
 * (`flowWidth`), coloured by the error rate where it leads. One stroke per visible connection.
 */
export function drawFlows(ctx: CanvasRenderingContext2D, scene: ReplayScene, state: FrameState, view: DrawView): void {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const minWidth = 1 / view.zoom;
  for (let r = 0; r < scene.routes.length; r++) {
    const width = flowWidth(state.routeRate[r]);
    if (width === 0) continue;
    const route = scene.routes[r];
    if (view.visible !== undefined && !boxesIntersect(route.bounds, view.visible)) continue;
    const errorRate = state.routeErrorRate[r];
    ctx.beginPath();
    traceTrimmed(ctx, route.points, ARROW_CLEARANCE);
    ctx.strokeStyle = errorRate >= BAD_ERROR_RATE ? REPLAY_COLOURS.flowBad : errorRate >= WARN_ERROR_RATE ? REPLAY_COLOURS.flowWarn : REPLAY_COLOURS.flowOk;
    ctx.lineWidth = Math.max(width, minWidth);
    ctx.stroke();
  }
}

const at = { x: 0, y: 0 };

/**
 * The sampled requests in flight at `t`: each crossing departing in `(t − travelSec, t]` is a dot
 * that far along its connection (responses run backwards). Requests are larger than responses;
 * failed calls are red. Four passes (request/response × ok/failed), each one path filled once.
 * Returns how many dots were drawn.
 */
export function drawDots(ctx: CanvasRenderingContext2D, scene: ReplayScene, track: DotTrack, t: number, travelSec: number, view: DrawView): number {
  const from = firstDepartingFrom(track, t - travelSec);
  let to = from;
  while (to < track.count && track.departSec[to] <= t) to++;
  if (to === from) return 0;
  const stride = Math.max(1, Math.ceil((to - from) / MAX_DOTS));
  const px = 1 / view.zoom;
  let drawn = 0;
  ctx.lineWidth = 1.5 * Math.max(px, 0.6);
  ctx.strokeStyle = '#ffffff';
  for (let pass = 0; pass < 4; pass++) {
    const back = pass >> 1;
    const failed = pass & 1;
    const radius = (back === 1 ? RESPONSE_RADIUS : REQUEST_RADIUS) * Math.max(px, 0.75);
    ctx.beginPath();
    let any = false;
    for (let i = from; i < to; i += stride) {
      if (track.back[i] !== back || track.failed[i] !== failed) continue;
      const edge = track.edge[i];
      const route = scene.routes[edge];
      if (view.visible !== undefined && !boxesIntersect(route.bounds, view.visible)) continue;
      const progress = (t - track.departSec[i]) / travelSec;
      pointAlong(scene.routePaths[edge], back === 1 ? 1 - progress : progress, at);
      ctx.moveTo(at.x + radius, at.y);
      ctx.arc(at.x, at.y, radius, 0, Math.PI * 2);
      any = true;
      drawn++;
    }
    if (!any) continue;
    ctx.fillStyle = failed === 1 ? REPLAY_COLOURS.dotFailed : REPLAY_COLOURS.dotOk;
    ctx.globalAlpha = back === 1 ? 0.75 : 1;
    ctx.fill();
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  return drawn;
}

/** Adds a route's polyline, ending `trim` world units before its last point. */
export function traceTrimmed(ctx: CanvasRenderingContext2D, points: readonly number[], trim: number): void {
  const n = points.length;
  if (n < 4) return;
  ctx.moveTo(points[0], points[1]);
  for (let i = 2; i < n - 2; i += 2) ctx.lineTo(points[i], points[i + 1]);
  const dx = points[n - 2] - points[n - 4];
  const dy = points[n - 1] - points[n - 3];
  const length = Math.hypot(dx, dy);
  const back = length === 0 ? 0 : Math.min(trim, length) / length;
  ctx.lineTo(points[n - 2] - dx * back, points[n - 1] - dy * back);
}
