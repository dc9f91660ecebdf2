import { NO_CHANGE, view, type Command } from '../command';
import { componentBox, unionBoxes, type Size } from '../geometry';
import { DEFAULT_VIEWPORT, fitBoxToCanvas, sameViewport } from '../viewport';

/** Options of {@link fitToScreen}. */
export interface FitToScreenOptions {
  /** Canvas size in screen px. */
  readonly canvas: Size;
  /** Margin kept around the content, screen px; 40 by default. */
  readonly paddingPx?: number;
  /** Zoom never goes above this; 1 by default, so a small design is not blown up. */
  readonly maxZoom?: number;
  /** Fit the selected components only (when some are selected). */
  readonly selectionOnly?: boolean;
}

/** Zooms and pans so that every component (or the selected ones) is in view, centred. */
export function fitToScreen(options: FitToScreenOptions): Command {
  return {
    name: 'fit-to-screen',
    perform(state) {
      const selected = state.doc.components.filter((c) => state.selection.has(c.id));
      const shown = options.selectionOnly && selected.length > 0 ? selected : state.doc.components;
      const bounds = unionBoxes(shown.map(componentBox));
      const viewport = bounds
        ? fitBoxToCanvas(bounds, options.canvas, options.paddingPx ?? 40, options.maxZoom ?? 1)
        : DEFAULT_VIEWPORT;
      return sameViewport(viewport, state.viewport) ? NO_CHANGE : view({ viewport });
    },
  };
}
