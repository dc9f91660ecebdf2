import { useState } from 'react';
import type { ValidationIssue } from '@architech/contracts';
import type { DesignValidation } from './validation';

/** Props of {@link EditorToolbar}. */
export interface EditorToolbarProps {
  readonly readOnly: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly validation: DesignValidation;
  readonly previewEnabled: boolean;
  readonly historyOpen: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onAutoLayout: () => void;
  readonly onFit: () => void;
  readonly onExportPng: () => void;
  readonly onExportJson: () => void;
  readonly onImportJson: () => void;
  readonly onSave: () => void;
  readonly onTogglePreview: () => void;
  readonly onToggleHistory: () => void;
  readonly onSelectIssue: (path: string) => void;
  /** Where and what an issue is, in the words of the design (component names, plain messages). */
  readonly describeIssue: (issue: ValidationIssue) => { where: string; message: string };
  readonly runOpen: boolean;
  readonly runsOpen: boolean;
  readonly canRun: boolean;
  readonly onToggleRun: () => void;
  readonly onToggleRuns: () => void;
  readonly reviewOpen?: boolean;
  readonly onToggleReview?: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

/** The editor's commands, each with its shortcut in the tooltip. */
export function EditorToolbar(p: EditorToolbarProps) {
  const [issuesOpen, setIssuesOpen] = useState(false);
  const problems = p.validation.errors.length;
  const warnings = p.validation.warnings.length;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editor">
      <button className="icon" onClick={p.onUndo} disabled={p.readOnly || !p.canUndo} title={`Undo (${mod}Z)`} aria-label="Undo">
        ↶<span className="narrow-hide"> Undo</span>
      </button>
      <button className="icon" onClick={p.onRedo} disabled={p.readOnly || !p.canRedo} title={`Redo (${isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`} aria-label="Redo">
        ↷<span className="narrow-hide"> Redo</span>
      </button>
      <span className="toolbar-sep" />
      <button onClick={p.onAutoLayout} disabled={p.readOnly} title="Arrange components left to right along the request flow">
        Auto-layout
      </button>
      <button onClick={p.onFit} title="Fit the design to the screen (Shift+1)">
        Fit
      </button>
      <span className="toolbar-sep" />
      <button onClick={p.onImportJson} disabled={p.readOnly} title="Replace the design with one from a JSON file (undoable)" aria-label="Import JSON">
        Import<span className="narrow-hide"> JSON</span>
      </button>
      <button onClick={p.onExportJson} title="Download the design document" aria-label="Export JSON">
        <span className="narrow-hide">Export </span>JSON
      </button>
      <button onClick={p.onExportPng} title="Download a picture of the whole design" aria-label="Export PNG">
        <span className="narrow-hide">Export </span>PNG
      </button>
      <span className="toolbar-sep" />
      <label className="toggle" title="Simulate a short window in your browser while you edit">
        <input type="checkbox" checked={p.previewEnabled} onChange={p.onTogglePreview} aria-label="Instant preview" /> <span className="narrow-hide">Instant </span>preview
      </label>
      <span className="spacer" />
      <div className="issues-anchor">
        <button
          className={problems ? 'issues-button error' : warnings ? 'issues-button warning' : 'issues-button ok'}
          aria-expanded={issuesOpen}
          aria-controls="issues-popover"
          onClick={() => setIssuesOpen((o) => !o)}
          disabled={problems + warnings === 0}
        >
          {problems ? `${problems} problem${problems === 1 ? '' : 's'}` : warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '✓ Valid'}
        </button>
        {issuesOpen && problems + warnings > 0 && (
          <ul id="issues-popover" className="issues-popover" aria-label="Problems in the design">
            {[...p.validation.errors.map((i) => ({ ...i, level: 'error' })), ...p.validation.warnings.map((i) => ({ ...i, level: 'warning' }))].map((issue, index) => (
              <li key={index}>
                <button
                  className={`ghost issue ${issue.level}`}
                  onClick={() => {
                    p.onSelectIssue(issue.path);
                    setIssuesOpen(false);
                  }}
                >
                  <strong>{p.describeIssue(issue).where}</strong> {p.describeIssue(issue).message}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button onClick={p.onToggleHistory} aria-pressed={p.historyOpen} title="Versions: compare and restore">
        Versions
      </button>
      <button onClick={p.onToggleRuns} aria-pressed={p.runsOpen} title="Past simulations of this version">
        Runs
      </button>
      {p.onToggleReview && (
        <button onClick={p.onToggleReview} aria-pressed={p.reviewOpen} title="Review the saved version and refine it towards a goal">
          Review
        </button>
      )}
      {p.canRun && (
        <button onClick={p.onToggleRun} aria-pressed={p.runOpen} title="Simulate the saved version with a workload, faults and a hypothesis">
          ▶ Run…
        </button>
      )}
      {!p.readOnly && (
        <button className="primary" onClick={p.onSave} disabled={p.saving || !p.dirty} title={`Save as a new version (${mod}S)`}>
          {p.saving ? 'Saving…' : p.dirty ? 'Save' : 'Saved'}
        </button>
      )}
    </div>
  );
}
