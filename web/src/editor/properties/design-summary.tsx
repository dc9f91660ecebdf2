import { describeIssue } from './plain-issues';
import type { ValidationIssue } from '@architech/contracts';
import { renameDocument, type EditorDocument, type EditorStore } from '@architech/editor-core';
import type { DesignValidation } from '../validation';
import { COMPONENT_LABELS, counted } from './component-labels';
import { issuesAt, type FieldIssues } from './field-issues';
import { setDescription } from '@architech/editor-core';
import { TextField } from './text-field';

/** Props of {@link DesignSummary}. */
export interface DesignSummaryProps {
  readonly store: EditorStore;
  readonly doc: EditorDocument;
  readonly validation: DesignValidation;
  readonly readOnly: boolean;
}

const ELEMENT = /^(components|connections)\[\d+\]/;

/**
 * What the panel shows with nothing selected: the design's name and description (editable), what it
 * is made of, and whether it can run — with the problems that belong to no element.
 */
export function DesignSummary({ store, doc, validation, readOnly }: DesignSummaryProps) {
  const designIssues: FieldIssues = { errors: validation.errors, warnings: validation.warnings };
  const general = (i: ValidationIssue) => !ELEMENT.test(i.path) && i.path !== 'name' && i.path !== 'description';
  const unplaced = [...validation.errors.filter(general), ...validation.warnings.filter(general)];
  const byType = Object.entries(COMPONENT_LABELS)
    .map(([type, label]) => ({ count: doc.components.filter((c) => c.type === type).length, label }))
    .filter(({ count }) => count > 0)
    .map(({ count, label }) => counted(count, label.one.toLowerCase(), label.many));
  return (
    <>
      <header className="prop-head">
        <h2>Design</h2>
      </header>
      <div className="prop-form">
        <TextField
          label="Name"
          value={doc.name}
          placeholder="Untitled design"
          issues={issuesAt(designIssues, 'name')}
          readOnly={readOnly}
          onCommit={(name) => store.dispatch(renameDocument(name))}
        />
        <TextField
          label="Description"
          value={doc.description ?? ''}
          multiline
          placeholder="What this design models"
          hint="Ctrl+Enter or leaving the field saves it"
          issues={issuesAt(designIssues, 'description')}
          readOnly={readOnly}
          onCommit={(text) => store.dispatch(setDescription(text))}
        />
      </div>
      <dl className="prop-facts prop-summary">
        <dt>Components</dt>
        <dd>
          {doc.components.length}
          {byType.length > 0 && <span className="muted"> ({byType.join(', ')})</span>}
        </dd>
        <dt>Connections</dt>
        <dd>{doc.connections.length}</dd>
        <dt>Status</dt>
        <dd>
          <Status doc={doc} validation={validation} />
        </dd>
      </dl>
      {unplaced.length > 0 && (
        <ul className="prop-problems" aria-label="Problems with the design as a whole">
          {unplaced.map((issue, index) => (
            <li key={index} className={validation.errors.includes(issue) ? 'field-error' : 'field-warning'}>
              {issue.path ? <strong>{describeIssue(doc, issue).where}: </strong> : null}
              {describeIssue(doc, issue).message}
            </li>
          ))}
        </ul>
      )}
      <p className="field-hint">Select a component or connection to edit its properties.</p>
    </>
  );
}

function Status({ doc, validation }: { readonly doc: EditorDocument; readonly validation: DesignValidation }) {
  const errors = validation.errors.length;
  const warnings = validation.warnings.length;
  if (doc.components.length === 0) return <span className="muted">Empty: add components from the palette</span>;
  if (errors > 0)
    return (
      <span className="prop-status error">
        {counted(errors, 'problem')} to fix{warnings > 0 ? `, ${counted(warnings, 'warning')}` : ''}
      </span>
    );
  return <span className="prop-status ok">Ready to run{warnings > 0 ? ` (${counted(warnings, 'warning')})` : ''}</span>;
}
