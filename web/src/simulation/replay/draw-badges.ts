import { COMPONENT_SIZE } from '@architech/editor-core';
import type { DrawView } from '../../editor/canvas/draw-cards';
import { CARD, TEXT_MIN_ZOOM } from '../../editor/canvas/theme';
import { isVisible } from './draw-health';
import type { FrameState } from './frame-state';
import { BREAKER_HALF_OPEN, BREAKER_OPEN } from './replay-series';
import { HAS_AUTOSCALING, HAS_BREAKER, type ReplayScene } from './replay-scene';
import { BREAKER_CHIPS, REPLAY_COLOURS } from './replay-theme';

const { width: W } = COMPONENT_SIZE;
const CHIP_HEIGHT = 16;
const BREAKER_WIDTH = 70;
const REPLICAS_WIDTH = 34;
const GAP = 4;

/** `×n` texts, made once per replica count seen. */
const replicaTexts: string[] = [];
const replicasText = (n: number): string => (replicaTexts[n] ??= `×${n}`);

/**
 * Chips straddling a card's top edge, right-aligned: the circuit breaker's state (for a component
 * with a breaker) and the active replicas (for one that autoscales). Left out when zoomed out too
 * far to read them.
 */
export function drawBadges(ctx: CanvasRenderingContext2D, scene: ReplayScene, state: FrameState, view: DrawView): void {
  if (view.zoom < TEXT_MIN_ZOOM) return;
  ctx.font = CARD.badgeFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  const { cards, cardFlags } = scene;
  for (let i = 0; i < cards.length; i++) {
    const flags = cardFlags[i];
    if ((flags & (HAS_BREAKER | HAS_AUTOSCALING)) === 0 || state.cardRow[i] < 0) continue;
    const card = cards[i];
    if (!isVisible(card, view.visible)) continue;
    let right = card.x + W - 8;
    const y = card.y - CHIP_HEIGHT / 2;
    if ((flags & HAS_BREAKER) !== 0 && state.knows('breakerState')) {
      const s = state.breaker[i];
      const chip = BREAKER_CHIPS[s === BREAKER_OPEN ? 2 : s === BREAKER_HALF_OPEN ? 1 : 0];
      chipAt(ctx, right - BREAKER_WIDTH, y, BREAKER_WIDTH, chip.fill, chip.border, chip.ink, chip.text);
      right -= BREAKER_WIDTH + GAP;
    }
    if ((flags & HAS_AUTOSCALING) !== 0 && state.knows('replicas')) chipAt(ctx, right - REPLICAS_WIDTH, y, REPLICAS_WIDTH, REPLAY_COLOURS.replicas, REPLAY_COLOURS.replicas, '#ffffff', replicasText(state.replicas[i]));
  }
}

function chipAt(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, fill: string, border: string, ink: string, text: string): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, CHIP_HEIGHT, CHIP_HEIGHT / 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.strokeStyle = border;
  ctx.stroke();
  ctx.fillStyle = ink;
  ctx.fillText(text, x + width / 2, y + CHIP_HEIGHT / 2 + 0.5);
}
