import { validateDesign, type DesignInput, type ValidationIssue } from './contracts';
import type { Point } from './geometry';
import { layoutLeftToRight } from './layout';

/** `T` with every property, array element and nested field read-only. */
export type Immutable<T> = T extends object ? { readonly [K in keyof T]: Immutable<T[K]> } : T;

type ComponentInput = DesignInput['components'][number];
type ConnectionInput = NonNullable<DesignInput['connections']>[number];

/** A component as written in a design, but always placed and with its properties object present. */
type Placed<C> = C extends { properties?: unknown }
  ? Omit<C, 'position' | 'properties'> & { position: Point; properties: NonNullable<C['properties']> }
  : never;

/**
 * A component on the canvas: the contract's component shape as written (defaults not filled in, so
 * what the user typed is what is exported), with a position and a properties object always present.
 * Discriminated by `type`.
 */
export type EditorComponent = Immutable<Placed<ComponentInput>>;

/** A connection on the canvas: the contract's connection shape with its properties object present. */
export type EditorConnection = Immutable<
  Omit<ConnectionInput, 'properties'> & { properties: NonNullable<ConnectionInput['properties']> }
>;

/**
 * The design being edited. Immutable: every edit produces a new document that shares the unchanged
 * components and connections with the previous one, which is what makes undo patches cheap.
 */
export interface EditorDocument {
  readonly name: string;
  readonly description?: string;
  readonly components: readonly EditorComponent[];
  readonly connections: readonly EditorConnection[];
}

/** The outcome of {@link fromDesign}: a document, or every issue that stopped the import. */
export type ImportResult =
  | { readonly ok: true; readonly doc: EditorDocument; readonly warnings: readonly ValidationIssue[] }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** The name a new design starts with. */
export const DEFAULT_DOCUMENT_NAME = 'Untitled design';

/** A design with nothing in it. */
export function emptyDocument(name: string = DEFAULT_DOCUMENT_NAME): EditorDocument {
  return { name, components: [], connections: [] };
}

/** The component with this id, if any. */
export function findComponent(doc: EditorDocument, id: string): EditorComponent | undefined {
  return doc.components.find((c) => c.id === id);
}

/** The connection with this id, if any. */
export function findConnection(doc: EditorDocument, id: string): EditorConnection | undefined {
  return doc.connections.find((c) => c.id === id);
}

/**
 * The design document (docs/architecture.md §4) for a document: plain, mutable JSON sharing nothing
 * with the editor's state. A complete design passes `validateDesign`; a design still being drawn
 * (say, a load balancer with no downstream yet) exports as it is and validation says what is missing.
 */
export function toDesign(doc: EditorDocument): DesignInput {
  const design: DesignInput = {
    components: doc.components.map((c) => cloneJson<ComponentInput>(c)),
    connections: doc.connections.map((c) => cloneJson<ConnectionInput>(c)),
  };
  if (doc.name !== '') design.name = doc.name;
  if (doc.description !== undefined) design.description = doc.description;
  return design;
}

/**
 * Imports a design document, given as JSON text or as an already parsed value. Never throws: text
 * that is not JSON and designs `validateDesign` rejects come back as issues with the field paths.
 * Components without a position are placed by {@link layoutLeftToRight}.
 *
 * @example
 * const result = fromDesign(fileText);
 * if (result.ok) store.load(result.doc); else showIssues(result.issues);
 */
export function fromDesign(json: unknown): ImportResult {
  let input: unknown = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [{ path: '', code: 'invalid_json', message: `not valid JSON: ${reason}` }] };
    }
  }
  const outcome = validateDesign(input);
  if (!outcome.ok) return { ok: false, issues: outcome.issues };

  // Keep the design as written rather than the parsed value, whose defaults would all be spelled out.
  const design = cloneJson<DesignInput>(input);
  const unplaced = new Set(design.components.filter((c) => c.position === undefined).map((c) => c.id));
  const components = design.components.map(
    (c) => ({ ...c, position: c.position ?? { x: 0, y: 0 }, properties: c.properties ?? {} }) as EditorComponent,
  );
  const connections = (design.connections ?? []).map((c) => ({ ...c, properties: c.properties ?? {} }));
  let doc: EditorDocument = { name: design.name ?? '', components, connections };
  if (design.description !== undefined) doc = { ...doc, description: design.description };
  if (unplaced.size > 0) {
    const positions = layoutLeftToRight(doc);
    doc = {
      ...doc,
      components: doc.components.map((c) => (unplaced.has(c.id) ? { ...c, position: positions.get(c.id)! } : c)),
    };
  }
  return { ok: true, doc, warnings: outcome.warnings };
}

function cloneJson<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
