import type { Design, ValidationIssue, ValidationOutcome } from '@architech/contracts';
import type { EditorDocument } from '@architech/editor-core';
import type { ElementIssues } from './overlays';

/** The outcome of validating the design being edited, with the same rules and messages as the API. */
export interface DesignValidation {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** Problems per component / connection id. */
  readonly byElement: ReadonlyMap<string, ElementIssues>;
  /** True when the API would accept the design and the engine could run it. */
  readonly runnable: boolean;
}

const ELEMENT_PATH = /^(components|connections)\[(\d+)\]/;

/**
 * The verdict of `validateDesign` on `doc` (what `POST /api/projects/:id/designs` will say; see
 * `analyseDesign`), each issue filed under the element its path points into.
 */
export function validationOf(doc: EditorDocument, outcome: ValidationOutcome<Design>): DesignValidation {
  const errors = outcome.ok ? [] : outcome.issues;
  const warnings = outcome.warnings;
  const byElement = new Map<string, { errors: ValidationIssue[]; warnings: ValidationIssue[] }>();
  const file = (issue: ValidationIssue, kind: 'errors' | 'warnings') => {
    const match = ELEMENT_PATH.exec(issue.path);
    if (!match) return;
    const list = match[1] === 'components' ? doc.components : doc.connections;
    const element = list[Number(match[2])];
    if (!element) return;
    let entry = byElement.get(element.id);
    if (!entry) byElement.set(element.id, (entry = { errors: [], warnings: [] }));
    entry[kind].push(issue);
  };
  for (const issue of errors) file(issue, 'errors');
  for (const issue of warnings) file(issue, 'warnings');
  return { errors, warnings, byElement, runnable: outcome.ok && doc.components.length > 0 };
}

/**
 * The path prefix of an element's fields in validation issues, e.g. `components[3]`, so the
 * properties panel can show `components[3].properties.serviceTime.mean` next to its input.
 */
export function elementPath(doc: EditorDocument, id: string): string | undefined {
  const c = doc.components.findIndex((x) => x.id === id);
  if (c >= 0) return `components[${c}]`;
  const k = doc.connections.findIndex((x) => x.id === id);
  return k >= 0 ? `connections[${k}]` : undefined;
}
