import { edit, NO_CHANGE, type Command } from '../command';
import type { EditorDocument } from '../document';

/** Sets the design's description, trimmed; an empty one removes it. */
export function setDescription(text: string): Command {
  return {
    name: 'set-description',
    perform(state) {
      const trimmed = text.trim();
      if (trimmed === (state.doc.description ?? '')) return NO_CHANGE;
      if (trimmed !== '') return edit({ doc: { ...state.doc, description: trimmed } });
      const doc: { -readonly [K in keyof EditorDocument]: EditorDocument[K] } = { ...state.doc };
      delete doc.description;
      return edit({ doc });
    },
  };
}
