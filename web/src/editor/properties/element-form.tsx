import { useMemo, type ReactNode } from 'react';
import { updateProperties, type EditorStore } from '@architech/editor-core';
import type { ElementIssues } from '../overlays';
import { ElementEditorProvider, type ElementEditor } from './element-editor';
import { elementLevelIssues, hasIssues } from './field-issues';
import { describeIssue, refusalOf } from './plain-issues';

/** Props of {@link ElementForm}. */
export interface ElementFormProps {
  readonly store: EditorStore;
  /** Id of the selected component or connection. */
  readonly id: string;
  /** Its path in validation issues, e.g. `components[2]`. */
  readonly prefix: string;
  readonly issues: ElementIssues | undefined;
  readonly readOnly: boolean;
  /** Issue paths outside `properties` that a field of the header shows (the name, a connection's ends). */
  readonly shownByFields: readonly string[];
  /** Title, name and id, above the problems list. */
  readonly header: ReactNode;
  readonly children: ReactNode;
}

/**
 * The form of one selected element: provides its {@link ElementEditor} to the fields, and lists
 * the element's problems that no field shows (no downstream, a cycle, an unknown property) under
 * its header. Every edit is an `updateProperties` dispatch.
 */
export function ElementForm({ store, id, prefix, issues, readOnly, shownByFields, header, children }: ElementFormProps) {
  const editor = useMemo<ElementEditor>(
    () => ({
      id,
      prefix,
      issues,
      readOnly,
      update: (path, values) => {
        if (readOnly) return undefined;
        const refusal = refusalOf(store.getState().doc, id, prefix, path, values);
        if (refusal === undefined) store.dispatch(updateProperties({ id, path, values }));
        return refusal;
      },
    }),
    [store, id, prefix, issues, readOnly],
  );
  const problems = elementLevelIssues(issues, prefix, shownByFields);
  return (
    <ElementEditorProvider value={editor}>
      {header}
      {hasIssues(problems) && (
        <ul className="prop-problems" aria-label="Problems">
          {problems.errors.map((issue, index) => (
            <li key={`e${index}`} className="field-error">
              {describeIssue(store.getState().doc, issue).message}
            </li>
          ))}
          {problems.warnings.map((issue, index) => (
            <li key={`w${index}`} className="field-warning">
              {describeIssue(store.getState().doc, issue).message}
            </li>
          ))}
        </ul>
      )}
      <div className="prop-form">{children}</div>
    </ElementEditorProvider>
  );
}
