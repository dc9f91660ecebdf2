import type { ComponentType } from '@architech/contracts';

/**
 * One line-art glyph per component type, as SVG path data on a 24 × 24 grid meant to be stroked
 * (2 units wide, round caps and joins). The canvas strokes them through `Path2D` inside its Konva
 * shapes and the palette renders the same data as `<svg>` (see `component-icon.tsx`), so a type
 * looks the same in both places.
 */
export const ICON_PATHS: Readonly<Record<ComponentType, string>> = {
  // A monitor on a stand: where traffic comes from.
  CLIENT: 'M5 4h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z M8 20h8 M12 16v4',
  // One line fanning out into three.
  LOAD_BALANCER: 'M3 12h5 M8 12l5-6h8 M8 12h13 M8 12l5 6h8 M18 3l3 3-3 3 M18 15l3 3-3 3',
  // A box: a unit of compute.
  SERVICE: 'M12 2.5l8.5 4.75v9.5L12 21.5l-8.5-4.75v-9.5z M3.5 7.25L12 12l8.5-4.75 M12 12v9.5',
  // The classic cylinder.
  DATABASE:
    'M4 6c0-1.66 3.58-3 8-3s8 1.34 8 3-3.58 3-8 3-8-1.34-8-3z M4 6v12c0 1.66 3.58 3 8 3s8-1.34 8-3V6 M4 12c0 1.66 3.58 3 8 3s8-1.34 8-3',
  // A lightning bolt: fast answers.
  CACHE: 'M13 2L4.5 13.5H11L10 22l8.5-11.5H12z',
  // Messages waiting in line, then handed on.
  QUEUE: 'M2.5 8h4v8h-4z M8.5 8h4v8h-4z M15 12h6.5 M18.5 9l3 3-3 3',
};

/** Stroke width of the glyphs on their 24-unit grid. */
export const ICON_STROKE_WIDTH = 2;

/** Side of the grid {@link ICON_PATHS} is drawn on. */
export const ICON_GRID = 24;

const pathCache = new Map<ComponentType, Path2D>();

/** The glyph of `type` as a reusable `Path2D` (parsed once per type, then shared by every card). */
function iconPath2D(type: ComponentType): Path2D {
  let path = pathCache.get(type);
  if (path === undefined) {
    path = new Path2D(ICON_PATHS[type]);
    pathCache.set(type, path);
  }
  return path;
}

/**
 * Strokes the glyph of `type` into a `size` × `size` square at (`x`, `y`) of a 2D context (the
 * context of a Konva shape's `sceneFunc`, or a plain canvas for export).
 */
export function strokeIcon(ctx: CanvasRenderingContext2D, type: ComponentType, x: number, y: number, size: number, color: string): void {
  const scale = size / ICON_GRID;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(scale, scale);
  ctx.strokeStyle = color;
  ctx.lineWidth = ICON_STROKE_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(iconPath2D(type));
  ctx.restore();
}
