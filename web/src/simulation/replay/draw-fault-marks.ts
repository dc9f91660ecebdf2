import { boxesIntersect, COMPONENT_SIZE } from '@architech/editor-core';
import type { DrawView } from '../../editor/canvas/draw-cards';
import { CARD } from '../../editor/canvas/theme';
import { traceTrimmed } from './draw-flows';
import { isVisible } from './draw-health';
import { FAULT_COLOURS } from './fault-windows';
import type { FrameState } from './frame-state';
import type { ReplayScene } from './replay-scene';
import { REPLAY_COLOURS } from './replay-theme';

const { width: W, height: H } = COMPONENT_SIZE;
/** How far the outline stands off the card, world units. */
const OFFSET = 6;
const LABEL_HEIGHT = 18;
/** One pulse every this many wall-clock ms; the dashes march at the same pace. */
const PULSE_MS = 1200;

const DASH = [6, 4];
const SOLID: number[] = [];

/** Widths of the fault labels, measured once per fault. */
const labelWidths = new WeakMap<ReplayScene, Float32Array>();

/**
 * Components and connections under a fault in effect: a pulsing red dashed outline (marching,
 * driven by the wall clock so it moves while paused) and a label with what the fault does, in the
 * fault type's timeline colour.
 */
export function drawFaultMarks(ctx: CanvasRenderingContext2D, scene: ReplayScene, state: FrameState, view: DrawView, wallMs: number): void {
  if (!state.anyFault) return;
  const phase = (wallMs % PULSE_MS) / PULSE_MS;
  const pulse = 0.55 + 0.45 * Math.cos(phase * 2 * Math.PI);
  const px = 1 / view.zoom;
  ctx.font = CARD.previewFont;
  const widths = widthsOf(ctx, scene);
  ctx.setLineDash(DASH);
  ctx.lineDashOffset = -phase * 20;
  for (let i = 0; i < scene.cards.length; i++) {
    if (state.cardFault[i] < 0) continue;
    const card = scene.cards[i];
    if (!isVisible(card, view.visible)) continue;
    ctx.beginPath();
    ctx.roundRect(card.x - OFFSET, card.y - OFFSET, W + 2 * OFFSET, H + 2 * OFFSET, CARD.radius + OFFSET);
    outline(ctx, pulse, px);
  }
  for (let r = 0; r < scene.routes.length; r++) {
    if (state.routeFault[r] < 0) continue;
    const route = scene.routes[r];
    if (view.visible !== undefined && !boxesIntersect(route.bounds, view.visible)) continue;
    ctx.beginPath();
    traceTrimmed(ctx, route.points, 0);
    outline(ctx, pulse, px);
  }
  ctx.setLineDash(SOLID);
  ctx.lineDashOffset = 0;

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < scene.cards.length; i++) {
    const f = state.cardFault[i];
    if (f < 0) continue;
    const card = scene.cards[i];
    if (isVisible(card, view.visible)) label(ctx, scene, f, widths[f], card.x - OFFSET, card.y - OFFSET - LABEL_HEIGHT - 3);
  }
  for (let r = 0; r < scene.routes.length; r++) {
    const f = state.routeFault[r];
    if (f < 0) continue;
    const x = scene.routeMid[2 * r] - widths[f] / 2;
    const y = scene.routeMid[2 * r + 1] - LABEL_HEIGHT - 6;
    if (view.visible === undefined || boxesIntersect({ x, y, width: widths[f], height: LABEL_HEIGHT }, view.visible)) label(ctx, scene, f, widths[f], x, y);
  }
}

/** A soft wide halo, then the dashed line, both breathing with the pulse. */
function outline(ctx: CanvasRenderingContext2D, pulse: number, px: number): void {
  ctx.strokeStyle = REPLAY_COLOURS.faultOutline;
  ctx.globalAlpha = 0.16 * pulse;
  ctx.lineWidth = Math.max(7, 5 * px);
  ctx.stroke();
  ctx.globalAlpha = 0.45 + 0.55 * pulse;
  ctx.lineWidth = Math.max(2, 1.5 * px);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function label(ctx: CanvasRenderingContext2D, scene: ReplayScene, fault: number, width: number, x: number, y: number): void {
  const { type, label: text } = scene.faults[fault];
  ctx.beginPath();
  ctx.roundRect(x, y, width, LABEL_HEIGHT, 4);
  ctx.fillStyle = FAULT_COLOURS[type];
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.fillText(text, x + width / 2, y + LABEL_HEIGHT / 2 + 0.5);
}

function widthsOf(ctx: CanvasRenderingContext2D, scene: ReplayScene): Float32Array {
  let widths = labelWidths.get(scene);
  if (widths === undefined) {
    widths = Float32Array.from(scene.faults, (f) => Math.ceil(ctx.measureText(f.label).width) + 14);
    labelWidths.set(scene, widths);
  }
  return widths;
}
