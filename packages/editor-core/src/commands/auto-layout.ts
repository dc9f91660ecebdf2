import { edit, NO_CHANGE, type Command } from '../command';
import { layoutLeftToRight, type LayoutOptions } from '../layout';

/**
 * Arranges the design left to right, clients first (see `layoutLeftToRight`), as one undo step and
 * without moving its top-left corner. A design already laid out is left alone: no undo step.
 */
export function autoLayout(options: LayoutOptions = {}): Command {
  return {
    name: 'auto-layout',
    perform(state) {
      const positions = layoutLeftToRight(state.doc, options);
      let moved = false;
      const components = state.doc.components.map((c) => {
        const position = positions.get(c.id)!;
        if (position.x === c.position.x && position.y === c.position.y) return c;
        moved = true;
        return { ...c, position };
      });
      return moved ? edit({ doc: { ...state.doc, components } }) : NO_CHANGE;
    },
  };
}
