import { edit, type Command } from '../command';
import type { EditorDocument } from '../document';

/**
 * Replaces the whole document (an imported file, a restored version) as one undoable edit and
 * clears the selection; undo brings the previous design back. Elements that come back unchanged
 * keep their objects, so the undo step holds only what really changed, and replacing a design by
 * an equal one changes nothing (its history revision stays, it does not count as an edit).
 */
export function replaceDocument(doc: EditorDocument): Command {
  return {
    name: 'replace-document',
    perform: (state) => edit({ doc: sharingUnchanged(state.doc, doc), selection: new Set() }),
  };
}

/** `next` with every element equal to the current one of its id replaced by that one; `current` itself when all is equal. */
function sharingUnchanged(current: EditorDocument, next: EditorDocument): EditorDocument {
  const components = keepEqual(current.components, next.components);
  const connections = keepEqual(current.connections, next.connections);
  const unchanged =
    components.length === current.components.length &&
    components.every((c, i) => c === current.components[i]) &&
    connections.length === current.connections.length &&
    connections.every((c, i) => c === current.connections[i]) &&
    sameJson({ ...current, components: [], connections: [] }, { ...next, components: [], connections: [] });
  return unchanged ? current : { ...next, components, connections };
}

function keepEqual<T extends { readonly id: string }>(current: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(current.map((element) => [element.id, element]));
  return next.map((element) => {
    const previous = byId.get(element.id);
    return previous !== undefined && sameJson(previous, element) ? previous : element;
  });
}

/** Deep equality of JSON-like values, whatever the order of object keys (an absent key equals `undefined`). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameJson(x[key], y[key])) return false;
  return true;
}
