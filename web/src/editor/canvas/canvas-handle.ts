import type { Point } from '@architech/editor-core';

/**
 * What the page can ask of a mounted canvas (handed over through `EditorCanvas`'s `onReady`).
 *
 * @example
 * <EditorCanvas store={store} overlays={overlays} onReady={(h) => (canvas.current = h)} />
 * download(await canvas.current.exportPng(), 'design.png');
 */
export interface CanvasHandle {
  /** A PNG of the whole design (content bounds plus padding, white background, pixel ratio 2), not just what is in view. */
  exportPng(): Promise<Blob>;
  /** Zooms and pans so every component is in view (at most 100 %). */
  fitToScreen(): void;
  /** The world point at the centre of the visible canvas: where a palette click puts a component. */
  viewportCenterWorld(): Point;
  /** Moves keyboard focus to the canvas, so its shortcuts work. */
  focus(): void;
}
