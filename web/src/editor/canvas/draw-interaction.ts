import type { Box, Guide, Point } from '@architech/editor-core';
import type { Route } from './connection-route';
import { strokeRoutes, traceArrowhead } from './draw-routes';
import { CANVAS_COLORS, CARD, HANDLE_RADIUS_PX } from './theme';

/** A connection being drawn from a handle: a rubber arrow to the pointer or to a target card. */
export interface ConnectingPicture {
  readonly from: Point;
  readonly to: Point;
  /** The card under the pointer, if any, and whether it would accept the connection. */
  readonly target?: Box;
  readonly valid: boolean;
}

/** Everything the interactive layer shows, world units; widths are given in screen px and divided by the zoom. */
export interface InteractionPicture {
  readonly zoom: number;
  readonly selectedBoxes: readonly Box[];
  readonly selectedRoutes: readonly Route[];
  readonly hoverBox?: Box;
  readonly hoverRoute?: Route;
  /** Cards the rubber band being dragged would select. */
  readonly bandPreview: readonly Box[];
  readonly handles: readonly Point[];
  /** Bend points of the selected connection: drag to move, double-click to remove. */
  readonly bends: readonly Point[];
  /** Where a palette drop would put the new component. */
  readonly dropPreview?: Box;
  readonly rubberBand?: Box;
  readonly guides: readonly Guide[];
  readonly connecting?: ConnectingPicture;
}

/** Draws selection outlines, hover, connection handles, rubber band, guides and the rubber arrow. */
export function drawInteraction(ctx: CanvasRenderingContext2D, picture: InteractionPicture): void {
  const px = 1 / picture.zoom;
  if (picture.hoverRoute !== undefined) strokeRoutes(ctx, [picture.hoverRoute], CANVAS_COLORS.hover, 3 * px, []);
  strokeRoutes(ctx, picture.selectedRoutes, CANVAS_COLORS.accent, 2.5 * px, []);
  if (picture.hoverBox !== undefined) outline(ctx, [picture.hoverBox], CANVAS_COLORS.hover, 1.5 * px, 2 * px);
  outline(ctx, picture.bandPreview, CANVAS_COLORS.hover, 1.5 * px, 3 * px);
  outline(ctx, picture.selectedBoxes, CANVAS_COLORS.accent, 2 * px, 3 * px);
  drawGuides(ctx, picture.guides, px);
  drawHandles(ctx, picture.handles, px);
  drawBends(ctx, picture.bends, px);
  if (picture.dropPreview !== undefined) {
    const box = picture.dropPreview;
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.width, box.height, CARD.radius);
    ctx.fillStyle = CANVAS_COLORS.accentSoft;
    ctx.fill();
    ctx.strokeStyle = CANVAS_COLORS.accent;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash([6 * px, 4 * px]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (picture.rubberBand !== undefined) {
    const band = picture.rubberBand;
    ctx.fillStyle = CANVAS_COLORS.accentSoft;
    ctx.fillRect(band.x, band.y, band.width, band.height);
    ctx.strokeStyle = CANVAS_COLORS.accent;
    ctx.lineWidth = px;
    ctx.strokeRect(band.x, band.y, band.width, band.height);
  }
  if (picture.connecting !== undefined) drawConnecting(ctx, picture.connecting, px);
}

function outline(ctx: CanvasRenderingContext2D, boxes: readonly Box[], color: string, width: number, gap: number): void {
  if (boxes.length === 0) return;
  ctx.beginPath();
  for (const box of boxes) ctx.roundRect(box.x - gap, box.y - gap, box.width + 2 * gap, box.height + 2 * gap, CARD.radius + gap);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

function drawGuides(ctx: CanvasRenderingContext2D, guides: readonly Guide[], px: number): void {
  if (guides.length === 0) return;
  const overhang = 12 * px;
  ctx.beginPath();
  for (const guide of guides) {
    if (guide.orientation === 'vertical') {
      ctx.moveTo(guide.at, guide.from - overhang);
      ctx.lineTo(guide.at, guide.to + overhang);
    } else {
      ctx.moveTo(guide.from - overhang, guide.at);
      ctx.lineTo(guide.to + overhang, guide.at);
    }
  }
  ctx.strokeStyle = CANVAS_COLORS.guide;
  ctx.lineWidth = px;
  ctx.setLineDash([4 * px, 3 * px]);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawHandles(ctx: CanvasRenderingContext2D, handles: readonly Point[], px: number): void {
  if (handles.length === 0) return;
  const radius = HANDLE_RADIUS_PX * px;
  ctx.beginPath();
  for (const handle of handles) {
    ctx.moveTo(handle.x + radius, handle.y);
    ctx.arc(handle.x, handle.y, radius, 0, Math.PI * 2);
  }
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = CANVAS_COLORS.accent;
  ctx.lineWidth = 2 * px;
  ctx.stroke();
}

/** Bend points: small white squares with the accent border. */
function drawBends(ctx: CanvasRenderingContext2D, bends: readonly Point[], px: number): void {
  if (bends.length === 0) return;
  const half = (HANDLE_RADIUS_PX - 1) * px;
  ctx.beginPath();
  for (const b of bends) ctx.rect(b.x - half, b.y - half, 2 * half, 2 * half);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.strokeStyle = CANVAS_COLORS.accent;
  ctx.lineWidth = 2 * px;
  ctx.stroke();
}

function drawConnecting(ctx: CanvasRenderingContext2D, connecting: ConnectingPicture, px: number): void {
  const color = connecting.target === undefined ? CANVAS_COLORS.accent : connecting.valid ? CANVAS_COLORS.ok : CANVAS_COLORS.danger;
  if (connecting.target !== undefined) outline(ctx, [connecting.target], color, 2 * px, 3 * px);
  const points = [connecting.from.x, connecting.from.y, connecting.to.x, connecting.to.y];
  ctx.beginPath();
  ctx.moveTo(points[0], points[1]);
  ctx.lineTo(points[2], points[3]);
  ctx.strokeStyle = color;
  ctx.lineWidth = 2 * px;
  ctx.setLineDash([6 * px, 4 * px]);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.beginPath();
  traceArrowhead(ctx, points);
  ctx.fillStyle = color;
  ctx.fill();
}
