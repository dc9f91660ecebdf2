import type { DesignDiffDto } from '@architech/contracts';
import type { EditorComponent, EditorConnection, EditorDocument } from '@architech/editor-core';
import type { DiffMark } from './overlays';

/** A document to show a diff on the canvas: the newer version plus ghosts of what it removed. */
export interface DiffView {
  readonly doc: EditorDocument;
  readonly marks: ReadonlyMap<string, DiffMark>;
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number };
}

/**
 * Merges `newer` with the elements the diff says were removed since the older version, and marks
 * every element added, removed or changed — so one canvas shows both versions at once.
 * A removed connection is only drawn when both of its ends are on the canvas.
 */
export function buildDiffView(newer: EditorDocument, diff: DesignDiffDto): DiffView {
  const marks = new Map<string, DiffMark>();
  for (const c of diff.components.added) marks.set(c.id, 'added');
  for (const c of diff.connections.added) marks.set(c.id, 'added');
  for (const { after } of diff.components.changed) marks.set(after.id, 'changed');
  for (const { after } of diff.connections.changed) marks.set(after.id, 'changed');
  const removedComponents = diff.components.removed.map(
    (c) => ({ ...c, position: c.position ?? { x: 0, y: 0 }, properties: c.properties ?? {} }) as EditorComponent,
  );
  for (const c of removedComponents) marks.set(c.id, 'removed');
  const components = [...newer.components, ...removedComponents];
  const present = new Set(components.map((c) => c.id));
  const removedConnections = diff.connections.removed
    .filter((c) => present.has(c.source) && present.has(c.target))
    .map((c) => ({ ...c, properties: c.properties ?? {} }) as EditorConnection);
  for (const c of removedConnections) marks.set(c.id, 'removed');
  return {
    doc: { ...newer, components, connections: [...newer.connections, ...removedConnections] },
    marks,
    counts: {
      added: diff.components.added.length + diff.connections.added.length,
      removed: diff.components.removed.length + diff.connections.removed.length,
      changed: diff.components.changed.length + diff.connections.changed.length,
    },
  };
}
