import { unionBoxes, type Box } from '@architech/editor-core';
import { nonOverlappingRuns } from './card-runs';
import { drawCards } from './draw-cards';
import { drawRoutes } from './draw-routes';
import { boxOf, type SceneModel } from './scene-model';
import { CANVAS_COLORS, CARD } from './theme';

/** Options of {@link exportDesignPng}. */
export interface PngExportOptions {
  /** White margin round the design, world units; 40 by default. */
  readonly paddingPx?: number;
  /** Output pixels per world unit; 2 by default, lowered when the image would be too large for a canvas. */
  readonly pixelRatio?: number;
}

/** Browsers refuse canvases much beyond these (Chromium: 16,384 px a side, ~268 M pixels). */
const MAX_SIDE_PX = 16_384;
const MAX_AREA_PX = 64 * 1024 * 1024;

/**
 * Renders the whole design — every card and connection with its overlays, none of the selection or
 * hover — at 100 % onto a white canvas fitted to the content, and encodes it as PNG. Uses the same
 * drawing code as the Konva layers, without culling, so the export looks like the canvas.
 */
export function exportDesignPng(model: SceneModel, options: PngExportOptions = {}): Promise<Blob> {
  const padding = options.paddingPx ?? 40;
  const content = contentBounds(model) ?? { x: 0, y: 0, width: 0, height: 0 };
  const width = content.width + 2 * padding;
  const height = content.height + 2 * padding;
  const ratio = Math.min(options.pixelRatio ?? 2, MAX_SIDE_PX / width, MAX_SIDE_PX / height, Math.sqrt(MAX_AREA_PX / (width * height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  const ctx = canvas.getContext('2d');
  if (ctx === null) return Promise.reject(new Error('PNG export failed: the browser gave no 2D canvas context'));
  ctx.scale(ratio, ratio);
  ctx.fillStyle = CANVAS_COLORS.exportBackground;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(padding - content.x, padding - content.y);
  drawRoutes(ctx, model.routes, { zoom: 1 });
  drawCards(ctx, nonOverlappingRuns(model.cards), { zoom: 1 });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) reject(new Error(`PNG export failed: the browser could not encode a ${canvas.width}×${canvas.height} image`));
      else resolve(blob);
    }, 'image/png');
  });
}

/** The box round every card (with its badges and preview pill) and every connection. */
function contentBounds(model: SceneModel): Box | undefined {
  const boxes: Box[] = model.routes.map((route) => route.bounds);
  for (const card of model.cards) {
    const box = boxOf(card, { x: 0, y: 0 });
    // Room for the issue badge above the corner and the preview pill below.
    const below = card.previewLabel === undefined ? 0 : CARD.previewGap + CARD.previewHeight;
    boxes.push({ x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 12 + below + 12 });
  }
  return unionBoxes(boxes);
}
