import { edit, NO_CHANGE, type Command } from '../command';

/** What {@link moveComponents} needs. */
export interface MoveComponentsInput {
  /** World units. */
  readonly dx: number;
  readonly dy: number;
  /** The components to move; the selected ones when omitted. Unknown ids are ignored. */
  readonly ids?: Iterable<string>;
}

/**
 * Moves components by a delta. During a drag, dispatch one move per pointer move inside a store
 * transaction so the whole drag is a single undo step.
 */
export function moveComponents(input: MoveComponentsInput): Command {
  return {
    name: 'move-components',
    perform(state) {
      const ids = new Set(input.ids ?? state.selection);
      if ((input.dx === 0 && input.dy === 0) || !state.doc.components.some((c) => ids.has(c.id))) return NO_CHANGE;
      const components = state.doc.components.map((c) =>
        ids.has(c.id) ? { ...c, position: { x: c.position.x + input.dx, y: c.position.y + input.dy } } : c,
      );
      return edit({ doc: { ...state.doc, components } });
    },
  };
}
