import { copySelection, parseClipboard } from '../clipboard';
import { edit, NO_CHANGE, refuse, type Command } from '../command';
import type { EditorConnection } from '../document';
import type { Point } from '../geometry';
import { CONNECTION_ID_PREFIX, freshId, ID_PREFIX, takenIds } from '../ids';

/** How far pasted components land from the originals, so a copy never hides its source. */
export const PASTE_OFFSET: Point = { x: 20, y: 20 };

/**
 * Pastes clipboard text (see `copySelection`): every component gets a fresh id and is offset by
 * `offset`; connections whose two ends were copied are recreated between the copies, others are
 * dropped. The pasted components become the selection. Text that is not clipboard content is
 * refused with `invalid_clipboard`.
 */
export function paste(text: string, offset: Point = PASTE_OFFSET): Command {
  return {
    name: 'paste',
    perform(state, env) {
      const content = parseClipboard(text);
      if (content === undefined) return refuse('invalid_clipboard', 'the clipboard holds no Architech components');
      if (content.components.length === 0) return NO_CHANGE;
      const taken = takenIds(state.doc);
      const newIds = new Map<string, string>();
      const components = content.components.map((c) => {
        const id = freshId(env.createId, ID_PREFIX[c.type], taken);
        newIds.set(c.id, id);
        return { ...c, id, position: { x: c.position.x + offset.x, y: c.position.y + offset.y } };
      });
      const connections: EditorConnection[] = [];
      for (const c of content.connections) {
        const source = newIds.get(c.source);
        const target = newIds.get(c.target);
        if (source === undefined || target === undefined) continue;
        connections.push({ ...c, id: freshId(env.createId, CONNECTION_ID_PREFIX, taken), source, target });
      }
      return edit({
        doc: {
          ...state.doc,
          components: [...state.doc.components, ...components],
          connections: [...state.doc.connections, ...connections],
        },
        selection: new Set(components.map((c) => c.id)),
      });
    },
  };
}

/** Copies the selection and pastes it in one step (Ctrl+D), leaving the clipboard alone. */
export function duplicateSelection(offset: Point = PASTE_OFFSET): Command {
  return {
    name: 'duplicate-selection',
    perform(state, env) {
      const text = copySelection(state);
      return text === undefined ? NO_CHANGE : paste(text, offset).perform(state, env);
    },
  };
}
