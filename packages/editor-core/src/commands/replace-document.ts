import { edit, type Command } from '../command';
import type { EditorDocument } from '../document';

/**
 * Replaces the whole document (an imported file, a restored version) as one undoable edit and
 * clears the selection; undo brings the previous design back.
 */
export function replaceDocument(doc: EditorDocument): Command {
  return {
    name: 'replace-document',
    perform: () => edit({ doc, selection: new Set() }),
  };
}
