import type { EditorState } from './command';
import { COMPONENT_TYPES } from './contracts';
import type { EditorComponent, EditorConnection } from './document';

/** What a copy puts on the clipboard: components and the connections among them. */
export interface ClipboardContent {
  readonly components: readonly EditorComponent[];
  readonly connections: readonly EditorConnection[];
}

/** Tells Architech clipboard text apart from other JSON. */
export const CLIPBOARD_KIND = 'architech/clipboard';

/**
 * The clipboard text for the selection: the selected components and every connection between two
 * of them (a connection to a component left behind would dangle). `undefined` when no component is
 * selected, so the system clipboard is left alone.
 */
export function copySelection(state: Pick<EditorState, 'doc' | 'selection'>): string | undefined {
  const components = state.doc.components.filter((c) => state.selection.has(c.id));
  if (components.length === 0) return undefined;
  const copied = new Set(components.map((c) => c.id));
  const connections = state.doc.connections.filter((c) => copied.has(c.source) && copied.has(c.target));
  return JSON.stringify({ kind: CLIPBOARD_KIND, components, connections });
}

/**
 * Reads clipboard text: Architech clipboard content, or any JSON with placed `components` (an
 * exported design pastes too). Only the structure the editor relies on is checked (ids, known
 * types, positions, property objects); property values are `validateDesign`'s business.
 * `undefined` when the text is not such content.
 */
export function parseClipboard(text: string): ClipboardContent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !Array.isArray(value.components)) return undefined;
  const connections = value.connections ?? [];
  if (!Array.isArray(connections)) return undefined;
  if (!value.components.every(isComponent) || !connections.every(isConnection)) return undefined;
  return { components: value.components, connections };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isComponent(value: unknown): value is EditorComponent {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    (COMPONENT_TYPES as readonly unknown[]).includes(value.type) &&
    (value.name === undefined || typeof value.name === 'string') &&
    isRecord(value.position) &&
    typeof value.position.x === 'number' &&
    typeof value.position.y === 'number' &&
    isRecord(value.properties)
  );
}

function isConnection(value: unknown): value is EditorConnection {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.source === 'string' &&
    typeof value.target === 'string' &&
    isRecord(value.properties)
  );
}
