import { COMPONENT_SIZE, type Box } from '@architech/editor-core';
import type { DrawView } from '../../editor/canvas/draw-cards';
import type { CardModel } from '../../editor/canvas/scene-model';
import { CARD, TEXT_MIN_ZOOM } from '../../editor/canvas/theme';
import { HEAT_DOWN, type FrameState } from './frame-state';
import type { HeatPalette } from './heat-scale';
import type { ReplayScene } from './replay-scene';
import { REPLAY_COLOURS } from './replay-theme';

const { width: W, height: H } = COMPONENT_SIZE;

const DOWN_COLOUR = REPLAY_COLOURS.down;
const NEUTRAL_COLOUR = REPLAY_COLOURS.neutral;

/** The bar along a card's bottom edge. */
const BAR = { inset: 10, fromBottom: 7, height: 3 };
const BAR_TRACK = 'rgba(15, 23, 42, 0.08)';
/** The value pill hung under a card (where the editor shows its preview pill). */
const PILL_WIDTH = W - 28;
const PILL_FILL = 'rgba(255, 255, 255, 0.94)';

/**
 * Each card's health at the current instant, over the static card: a translucent tint and a
 * border in its palette colour, a bar showing the value, and under it a pill with the bucket's
 * figures (utilisation or error rate, and arrivals per second). The pill is left out when zoomed
 * out too far to read it.
 */
export function drawHealth(ctx: CanvasRenderingContext2D, scene: ReplayScene, state: FrameState, palette: HeatPalette, view: DrawView): void {
  const { cards } = scene;
  const border = Math.max(2, 1.5 / view.zoom);
  for (let i = 0; i < cards.length; i++) {
    const heat = state.heat[i];
    const card = cards[i];
    if (heat < 0 && heat !== HEAT_DOWN) continue;
    if (!isVisible(card, view.visible)) continue;
    const strong = heat === HEAT_DOWN ? DOWN_COLOUR : palette.strong[heat];
    ctx.beginPath();
    ctx.roundRect(card.x, card.y, W, H, CARD.radius);
    ctx.fillStyle = heat === HEAT_DOWN ? REPLAY_COLOURS.downTint : palette.tint[heat];
    ctx.fill();
    ctx.strokeStyle = strong;
    ctx.lineWidth = border;
    ctx.stroke();

    const barWidth = W - 2 * BAR.inset;
    const barY = card.y + H - BAR.fromBottom;
    ctx.fillStyle = BAR_TRACK;
    ctx.fillRect(card.x + BAR.inset, barY, barWidth, BAR.height);
    const filled = barWidth * state.magnitude[i];
    if (filled > 0) {
      ctx.fillStyle = strong;
      ctx.fillRect(card.x + BAR.inset, barY, filled, BAR.height);
    }
  }
  if (view.zoom >= TEXT_MIN_ZOOM) drawPills(ctx, scene, state, palette, view.visible);
}

function drawPills(ctx: CanvasRenderingContext2D, scene: ReplayScene, state: FrameState, palette: HeatPalette, visible: Box | undefined): void {
  ctx.font = CARD.previewFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  const { cards } = scene;
  for (let i = 0; i < cards.length; i++) {
    const label = state.labels[i];
    const card = cards[i];
    if (label === '' || !isVisible(card, visible)) continue;
    const heat = state.heat[i];
    const colour = heat >= 0 ? palette.strong[heat] : heat === HEAT_DOWN ? DOWN_COLOUR : NEUTRAL_COLOUR;
    const x = card.x + (W - PILL_WIDTH) / 2;
    const y = card.y + H + CARD.previewGap;
    ctx.beginPath();
    ctx.roundRect(x, y, PILL_WIDTH, CARD.previewHeight, CARD.previewHeight / 2);
    ctx.fillStyle = heat === HEAT_DOWN ? DOWN_COLOUR : PILL_FILL;
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.stroke();
    ctx.fillStyle = heat === HEAT_DOWN ? '#ffffff' : '#1c2330';
    ctx.fillText(label, card.x + W / 2, y + CARD.previewHeight / 2 + 0.5);
  }
}

/** Whether a card and what hangs round it (pill, badges, fault label) may show in `visible`. */
export function isVisible(card: CardModel, visible: Box | undefined): boolean {
  if (visible === undefined) return true;
  const margin = 40;
  return card.x + W + margin >= visible.x && card.x - margin <= visible.x + visible.width && card.y + H + margin >= visible.y && card.y - margin <= visible.y + visible.height;
}
