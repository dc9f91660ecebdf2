import { COMPONENT_SIZE, type Box } from '@architech/editor-core';
import type { DiffMark } from '../overlays';
import { strokeIcon } from './icons';
import type { CardModel } from './scene-model';
import { CANVAS_COLORS, CARD, TEXT_MIN_ZOOM, TYPE_STYLES } from './theme';

/** What part of the world a frame shows and at which zoom; no `visible` box draws everything (export). */
export interface DrawView {
  readonly visible?: Box;
  readonly zoom: number;
}

const { width: W, height: H } = COMPONENT_SIZE;
/** How far a card's decorations (glow, badge, preview pill) reach beyond its box. */
const DECORATION_MARGIN = 12;
const REMOVED_ALPHA = 0.45;
const DIFF_COLORS: Readonly<Record<DiffMark, string>> = {
  added: CANVAS_COLORS.ok,
  changed: CANVAS_COLORS.warning,
  removed: CANVAS_COLORS.danger,
};

/**
 * Draws cards in world coordinates onto a 2D context (a Konva shape's `sceneFunc` or an export
 * canvas). `runs` are the cards in drawing order, split where they overlap (`nonOverlappingRuns`).
 * Within a run the cards are drawn pass by pass (all bodies, then all badges, all names…) so each
 * fill colour and font is set once per pass, not per card: that is what keeps a frame with
 * hundreds of cards in budget. Cards outside `view.visible` are skipped; zoomed out below
 * `TEXT_MIN_ZOOM`, texts and glyphs are left out.
 */
export function drawCards(ctx: CanvasRenderingContext2D, runs: readonly (readonly CardModel[])[], view: DrawView): void {
  for (const run of runs) {
    const shown = view.visible === undefined ? run : run.filter((card) => isVisible(card, view.visible!));
    if (shown.length === 0) continue;
    const removed = shown.filter((card) => card.diff === 'removed');
    const present = removed.length === 0 ? shown : shown.filter((card) => card.diff !== 'removed');
    if (removed.length > 0) {
      // Ghosts of a diff go underneath, faded, so they never hide what the newer version has.
      ctx.save();
      ctx.globalAlpha = REMOVED_ALPHA;
      drawPasses(ctx, removed, view.zoom);
      ctx.restore();
    }
    if (present.length > 0) drawPasses(ctx, present, view.zoom);
  }
}

function drawPasses(ctx: CanvasRenderingContext2D, cards: readonly CardModel[], zoom: number): void {
  const detailed = zoom >= TEXT_MIN_ZOOM;
  drawGlows(ctx, cards);
  drawBodies(ctx, cards, zoom);
  drawIconBadges(ctx, cards);
  if (detailed) {
    for (const card of cards) {
      const inset = CARD.iconInset + 7;
      strokeIcon(ctx, card.type, card.x + inset, card.y + (H - 22) / 2, 22, '#ffffff');
    }
    drawTexts(ctx, cards);
    drawPreviewPills(ctx, cards);
  }
  drawIssueBadges(ctx, cards, detailed);
}

function isVisible(card: CardModel, visible: Box): boolean {
  return (
    card.x + W + DECORATION_MARGIN >= visible.x &&
    card.x - DECORATION_MARGIN <= visible.x + visible.width &&
    card.y + H + CARD.previewGap + CARD.previewHeight + DECORATION_MARGIN >= visible.y &&
    card.y - DECORATION_MARGIN <= visible.y + visible.height
  );
}

/** A soft wide halo round cards a diff marks as added or changed. */
function drawGlows(ctx: CanvasRenderingContext2D, cards: readonly CardModel[]): void {
  for (const mark of ['added', 'changed'] as const) {
    const marked = cards.filter((card) => card.diff === mark);
    if (marked.length === 0) continue;
    ctx.beginPath();
    for (const card of marked) ctx.roundRect(card.x - 4, card.y - 4, W + 8, H + 8, CARD.radius + 4);
    ctx.save();
    ctx.strokeStyle = DIFF_COLORS[mark];
    ctx.globalAlpha *= 0.3;
    ctx.lineWidth = 6;
    ctx.stroke();
    ctx.restore();
  }
}

/** White cards with a thin border, then the borders that mean something (overloaded, diff). */
function drawBodies(ctx: CanvasRenderingContext2D, cards: readonly CardModel[], zoom: number): void {
  ctx.beginPath();
  for (const card of cards) ctx.roundRect(card.x, card.y, W, H, CARD.radius);
  ctx.fillStyle = CANVAS_COLORS.cardFill;
  ctx.fill();
  ctx.strokeStyle = CANVAS_COLORS.cardBorder;
  ctx.lineWidth = Math.max(1, 1 / zoom);
  ctx.stroke();

  strokeBorders(ctx, cards.filter((card) => card.diff === 'added'), DIFF_COLORS.added, 2, []);
  strokeBorders(ctx, cards.filter((card) => card.diff === 'changed'), DIFF_COLORS.changed, 2, []);
  strokeBorders(ctx, cards.filter((card) => card.diff === 'removed'), DIFF_COLORS.removed, 2, [6, 4]);
  // Overload wins over a diff colour: it is the more urgent news.
  strokeBorders(ctx, cards.filter((card) => card.preview?.overloaded === true), CANVAS_COLORS.danger, Math.max(2.5, 2 / zoom), []);
}

function strokeBorders(ctx: CanvasRenderingContext2D, cards: readonly CardModel[], color: string, width: number, dash: number[]): void {
  if (cards.length === 0) return;
  ctx.beginPath();
  for (const card of cards) ctx.roundRect(card.x, card.y, W, H, CARD.radius);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The coloured square behind each glyph, one path per type. */
function drawIconBadges(ctx: CanvasRenderingContext2D, cards: readonly CardModel[]): void {
  const byType = new Map<CardModel['type'], CardModel[]>();
  for (const card of cards) {
    const list = byType.get(card.type);
    if (list === undefined) byType.set(card.type, [card]);
    else list.push(card);
  }
  const top = (H - CARD.iconBox) / 2;
  for (const [type, list] of byType) {
    ctx.beginPath();
    for (const card of list) ctx.roundRect(card.x + CARD.iconInset, card.y + top, CARD.iconBox, CARD.iconBox, 8);
    ctx.fillStyle = TYPE_STYLES[type].color;
    ctx.fill();
  }
}

function drawTexts(ctx: CanvasRenderingContext2D, cards: readonly CardModel[]): void {
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = CARD.nameFont;
  ctx.fillStyle = CANVAS_COLORS.text;
  for (const card of cards) {
    if (card.text.name2 === undefined) ctx.fillText(card.text.name, card.x + CARD.textLeft, card.y + 23);
    else {
      ctx.fillText(card.text.name, card.x + CARD.textLeft, card.y + 20);
      ctx.fillText(card.text.name2, card.x + CARD.textLeft, card.y + 36);
    }
  }
  ctx.font = CARD.labelFont;
  for (const card of cards) {
    if (card.text.name2 !== undefined) continue;
    ctx.fillStyle = TYPE_STYLES[card.type].color;
    ctx.fillText(card.text.label, card.x + CARD.textLeft, card.y + 37);
  }
  ctx.font = CARD.summaryFont;
  ctx.fillStyle = CANVAS_COLORS.muted;
  for (const card of cards) ctx.fillText(card.text.summary, card.x + CARD.textLeft, card.y + 52);
}

/** The instant-preview pill hung under a card: grey when healthy, red when overloaded. */
function drawPreviewPills(ctx: CanvasRenderingContext2D, cards: readonly CardModel[]): void {
  const withPreview = cards.filter((card) => card.previewLabel !== undefined);
  if (withPreview.length === 0) return;
  ctx.font = CARD.previewFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (const card of withPreview) {
    const label = card.previewLabel!;
    const overloaded = card.preview?.overloaded === true;
    const x = card.x + (W - label.width) / 2;
    const y = card.y + H + CARD.previewGap;
    ctx.beginPath();
    ctx.roundRect(x, y, label.width, CARD.previewHeight, CARD.previewHeight / 2);
    ctx.fillStyle = overloaded ? CANVAS_COLORS.danger : CANVAS_COLORS.badgeFill;
    ctx.fill();
    if (!overloaded) {
      ctx.strokeStyle = CANVAS_COLORS.badgeBorder;
      ctx.stroke();
    }
    ctx.fillStyle = overloaded ? '#ffffff' : CANVAS_COLORS.text;
    ctx.fillText(label.text, card.x + W / 2, y + CARD.previewHeight / 2 + 0.5);
  }
}

/** A red dot with the number of errors (amber for warnings only) on the card's top-right corner. */
function drawIssueBadges(ctx: CanvasRenderingContext2D, cards: readonly CardModel[], withCounts: boolean): void {
  for (const card of cards) {
    if (card.issues === undefined) continue;
    drawIssueBadge(ctx, card.x + W - 4, card.y + 4, card.issues.errors.length, card.issues.warnings.length, withCounts);
  }
}

/** One validation badge centred at (`x`, `y`); nothing when there is no issue. Shared with connections. */
export function drawIssueBadge(ctx: CanvasRenderingContext2D, x: number, y: number, errors: number, warnings: number, withCount: boolean): void {
  const count = errors > 0 ? errors : warnings;
  if (count === 0) return;
  ctx.beginPath();
  ctx.arc(x, y, 9, 0, Math.PI * 2);
  ctx.fillStyle = errors > 0 ? CANVAS_COLORS.danger : CANVAS_COLORS.warning;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  if (!withCount) return;
  ctx.font = CARD.badgeFont;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.fillText(count > 9 ? '9+' : String(count), x, y + 0.5);
}
