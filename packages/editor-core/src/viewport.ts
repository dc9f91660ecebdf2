import type { Box, Point, Size } from './geometry';

/**
 * How the world is shown on the screen, in Konva's stage convention:
 * `screen = world × zoom + (x, y)`, so `(x, y)` is where the world origin appears, in screen px.
 */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Farthest zoom-out. */
export const MIN_ZOOM = 0.1;
/** Farthest zoom-in. */
export const MAX_ZOOM = 4;
/** World origin at the screen's top-left corner, 100 %. */
export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

/** Clamps a zoom factor to [{@link MIN_ZOOM}, {@link MAX_ZOOM}]. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The world point shown at a screen point. */
export function screenToWorld(viewport: Viewport, screenPoint: Point): Point {
  return { x: (screenPoint.x - viewport.x) / viewport.zoom, y: (screenPoint.y - viewport.y) / viewport.zoom };
}

/** The screen point where a world point is shown. */
export function worldToScreen(viewport: Viewport, worldPoint: Point): Point {
  return { x: worldPoint.x * viewport.zoom + viewport.x, y: worldPoint.y * viewport.zoom + viewport.y };
}

/**
 * Zooms to `zoom` (clamped) keeping the world point under `screenPoint` where it is, which is
 * what a mouse wheel or pinch around the cursor should feel like.
 *
 * @example zoomAtPoint(viewport, cursorScreen, viewport.zoom * 1.1)
 */
export function zoomAtPoint(viewport: Viewport, screenPoint: Point, zoom: number): Viewport {
  const next = clampZoom(zoom);
  const anchor = screenToWorld(viewport, screenPoint);
  return { x: screenPoint.x - anchor.x * next, y: screenPoint.y - anchor.y * next, zoom: next };
}

/**
 * The viewport that shows `box` centred on a canvas of `canvas` px with at least `paddingPx` of
 * margin on every side, zoomed no further in than `maxZoom` (a lone component should not fill the
 * screen) and never beyond the zoom limits.
 */
export function fitBoxToCanvas(box: Box, canvas: Size, paddingPx: number, maxZoom: number): Viewport {
  const room = { width: canvas.width - 2 * paddingPx, height: canvas.height - 2 * paddingPx };
  const fitting = Math.min(room.width / box.width, room.height / box.height);
  const zoom = clampZoom(Math.min(maxZoom, fitting > 0 ? fitting : MIN_ZOOM));
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return { x: canvas.width / 2 - center.x * zoom, y: canvas.height / 2 - center.y * zoom, zoom };
}

/** Whether two viewports show the same thing. */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}
