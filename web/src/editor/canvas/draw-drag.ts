import { COMPONENT_SIZE, type Point } from '@architech/editor-core';
import { drawCards, type DrawView } from './draw-cards';
import { drawRoutes, strokeRoutes } from './draw-routes';
import type { DragSet, RouteModel } from './scene-model';
import { CANVAS_COLORS, CARD } from './theme';

/**
 * The drag layer's cards: the dragged cards at their drag-start places (the Konva group carries
 * `offset`), the selected ones outlined.
 */
export function drawDraggedCards(ctx: CanvasRenderingContext2D, drag: DragSet, view: DrawView, offset: Point, selection: ReadonlySet<string> | undefined): void {
  const shifted = { ...view.visible!, x: view.visible!.x - offset.x, y: view.visible!.y - offset.y };
  drawCards(ctx, drag.runs, { ...view, visible: shifted });
  const px = 1 / view.zoom;
  ctx.beginPath();
  for (const card of drag.cards) {
    if (selection?.has(card.id) !== true) continue;
    ctx.roundRect(card.x - 3 * px, card.y - 3 * px, COMPONENT_SIZE.width + 6 * px, COMPONENT_SIZE.height + 6 * px, CARD.radius + 3 * px);
  }
  ctx.strokeStyle = CANVAS_COLORS.accent;
  ctx.lineWidth = 2 * px;
  ctx.stroke();
}

/** The drag layer's connections (those with a dragged end, routed anew per move), the selected ones outlined. */
export function drawDraggedRoutes(ctx: CanvasRenderingContext2D, routes: readonly RouteModel[], view: DrawView, selection: ReadonlySet<string> | undefined): void {
  if (routes.length === 0) return;
  drawRoutes(ctx, routes, view);
  const selected = routes.filter((route) => selection?.has(route.id) === true);
  strokeRoutes(ctx, selected, CANVAS_COLORS.accent, 2.5 / view.zoom, []);
}
