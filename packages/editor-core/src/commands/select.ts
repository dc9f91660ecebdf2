import { NO_CHANGE, refuse, sameSelection, view, type Command, type CommandOutcome, type EditorState } from '../command';
import { boxContains, boxesIntersect, boxFromCorners, componentBox, type Point } from '../geometry';

/** How a rubber band picks components: wholly inside it, or merely touched by it. */
export type RubberBandMode = 'contain' | 'intersect';

/** Options of {@link selectByRectangle}. */
export interface RubberBandOptions {
  /** Add to the current selection (Shift held) instead of replacing it. */
  readonly additive?: boolean;
  /** `contain` by default, as in Excalidraw. */
  readonly mode?: RubberBandMode;
}

/**
 * A click on an element (`id`) or on empty canvas (`null`). Without Shift the element becomes the
 * only selection, or the selection is cleared; with Shift the element is toggled and a click on
 * empty canvas changes nothing.
 */
export function selectByClick(id: string | null, options: { readonly shift?: boolean } = {}): Command {
  return {
    name: 'select-by-click',
    perform(state) {
      if (id === null) return options.shift ? NO_CHANGE : select(state, []);
      const exists = state.doc.components.some((c) => c.id === id) || state.doc.connections.some((c) => c.id === id);
      if (!exists) return refuse('unknown_element', `no component or connection has id '${id}'`);
      if (!options.shift) return select(state, [id]);
      const next = new Set(state.selection);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return select(state, next);
    },
  };
}

/** A rubber band dragged between two world points selects the components it covers. */
export function selectByRectangle(from: Point, to: Point, options: RubberBandOptions = {}): Command {
  return {
    name: 'select-by-rectangle',
    perform(state) {
      const band = boxFromCorners(from, to);
      const picks = options.mode === 'intersect' ? boxesIntersect : boxContains;
      const hit = state.doc.components.filter((c) => picks(band, componentBox(c))).map((c) => c.id);
      return select(state, options.additive ? [...state.selection, ...hit] : hit);
    },
  };
}

/** Selects every component and connection (Ctrl+A). */
export function selectAll(): Command {
  return {
    name: 'select-all',
    perform(state) {
      return select(state, [...state.doc.components.map((c) => c.id), ...state.doc.connections.map((c) => c.id)]);
    },
  };
}

/** Replaces the selection (say, from a list beside the canvas); ids not in the design are dropped. */
export function setSelection(ids: Iterable<string>): Command {
  return {
    name: 'set-selection',
    perform(state) {
      const known = new Set([...state.doc.components.map((c) => c.id), ...state.doc.connections.map((c) => c.id)]);
      return select(state, [...ids].filter((id) => known.has(id)));
    },
  };
}

function select(state: EditorState, ids: Iterable<string>): CommandOutcome {
  const selection = new Set(ids);
  return sameSelection(selection, state.selection) ? NO_CHANGE : view({ selection });
}
