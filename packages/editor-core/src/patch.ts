import type { EditorComponent, EditorConnection, EditorDocument } from './document';

/** An element and where it sits in its list. */
export interface IndexedElement<T> {
  readonly index: number;
  readonly element: T;
}

/**
 * The difference between two versions of one element list. `removed` indices refer to the old list,
 * `added` indices to the new one, both ascending; `updated` pairs the old and new element.
 */
export interface ListPatch<T> {
  readonly removed: readonly IndexedElement<T>[];
  readonly added: readonly IndexedElement<T>[];
  readonly updated: readonly { readonly before: T; readonly after: T }[];
}

/** The document fields that are not lists. */
export interface DocumentMeta {
  readonly name: string;
  readonly description?: string;
}

/**
 * The difference between two documents. Applying it to the old document gives the new one exactly
 * (same order); applying its inverse to the new one gives the old one back. Edits never reorder
 * elements, which is what lets indices make the round trip exact.
 */
export interface DocumentPatch {
  readonly components: ListPatch<EditorComponent>;
  readonly connections: ListPatch<EditorConnection>;
  readonly meta?: { readonly before: DocumentMeta; readonly after: DocumentMeta };
}

/** The patch from `before` to `after`. Unchanged elements are recognised by identity, so it is cheap. */
export function diffDocuments(before: EditorDocument, after: EditorDocument): DocumentPatch {
  const patch: DocumentPatch = {
    components: diffLists(before.components, after.components),
    connections: diffLists(before.connections, after.connections),
  };
  if (before.name === after.name && before.description === after.description) return patch;
  return { ...patch, meta: { before: metaOf(before), after: metaOf(after) } };
}

/** Whether the patch changes nothing. */
export function isEmptyPatch(patch: DocumentPatch): boolean {
  const empty = (p: ListPatch<unknown>) => p.removed.length === 0 && p.added.length === 0 && p.updated.length === 0;
  return empty(patch.components) && empty(patch.connections) && patch.meta === undefined;
}

/** The patch that undoes `patch`. */
export function invertPatch(patch: DocumentPatch): DocumentPatch {
  const inverted: DocumentPatch = { components: invertList(patch.components), connections: invertList(patch.connections) };
  return patch.meta ? { ...inverted, meta: { before: patch.meta.after, after: patch.meta.before } } : inverted;
}

/** The document with `patch` applied. */
export function applyPatch(doc: EditorDocument, patch: DocumentPatch): EditorDocument {
  const lists = {
    components: applyList(doc.components, patch.components),
    connections: applyList(doc.connections, patch.connections),
  };
  return patch.meta ? { ...patch.meta.after, ...lists } : { ...doc, ...lists };
}

function metaOf(doc: EditorDocument): DocumentMeta {
  return doc.description === undefined ? { name: doc.name } : { name: doc.name, description: doc.description };
}

function diffLists<T extends { readonly id: string }>(before: readonly T[], after: readonly T[]): ListPatch<T> {
  const beforeById = new Map(before.map((element) => [element.id, element]));
  const afterIds = new Set(after.map((element) => element.id));
  const removed: IndexedElement<T>[] = [];
  before.forEach((element, index) => {
    if (!afterIds.has(element.id)) removed.push({ index, element });
  });
  const added: IndexedElement<T>[] = [];
  const updated: { before: T; after: T }[] = [];
  after.forEach((element, index) => {
    const previous = beforeById.get(element.id);
    if (previous === undefined) added.push({ index, element });
    else if (previous !== element) updated.push({ before: previous, after: element });
  });
  return { removed, added, updated };
}

function invertList<T>(patch: ListPatch<T>): ListPatch<T> {
  return {
    removed: patch.added,
    added: patch.removed,
    updated: patch.updated.map(({ before, after }) => ({ before: after, after: before })),
  };
}

function applyList<T extends { readonly id: string }>(list: readonly T[], patch: ListPatch<T>): readonly T[] {
  if (patch.removed.length === 0 && patch.added.length === 0 && patch.updated.length === 0) return list;
  const removedIds = new Set(patch.removed.map(({ element }) => element.id));
  const replacements = new Map(patch.updated.map(({ after }) => [after.id, after]));
  const next = list.filter((element) => !removedIds.has(element.id)).map((element) => replacements.get(element.id) ?? element);
  for (const { index, element } of patch.added) next.splice(index, 0, element);
  return next;
}
