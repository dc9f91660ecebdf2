import { NO_CHANGE, view, type Command, type CommandOutcome, type EditorState } from '../command';
import type { Point } from '../geometry';
import { clampZoom, sameViewport, zoomAtPoint, type Viewport } from '../viewport';

/** Sets the viewport outright (zoom clamped). */
export function setViewport(viewport: Viewport): Command {
  return {
    name: 'set-viewport',
    perform(state) {
      return change(state, { ...viewport, zoom: clampZoom(viewport.zoom) });
    },
  };
}

/**
 * Zooms to `zoom` (clamped to 0.1–4) around a screen point, keeping the world point under it fixed.
 *
 * @example store.dispatch(zoomAt({ x: event.offsetX, y: event.offsetY }, viewport.zoom * 1.1))
 */
export function zoomAt(screenPoint: Point, zoom: number): Command {
  return {
    name: 'zoom-at',
    perform(state) {
      return change(state, zoomAtPoint(state.viewport, screenPoint, zoom));
    },
  };
}

/** Pans by a distance in screen px (the content follows the pointer). */
export function panBy(dxPx: number, dyPx: number): Command {
  return {
    name: 'pan-by',
    perform(state) {
      return change(state, { ...state.viewport, x: state.viewport.x + dxPx, y: state.viewport.y + dyPx });
    },
  };
}

function change(state: EditorState, viewport: Viewport): CommandOutcome {
  return sameViewport(viewport, state.viewport) ? NO_CHANGE : view({ viewport });
}
