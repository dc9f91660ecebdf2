import { formatUsd, overloadedIds, previewSummaryText, type PreviewState } from './preview-model';
import './preview.css';

/** Props of {@link PreviewSummary}. */
export interface PreviewSummaryProps {
  readonly preview: PreviewState;
}

/**
 * The preview's status strip under the canvas: the end-to-end figures and how many components are
 * overloaded, why the preview is paused, or a spinner while it runs. A polite live region, so a
 * screen reader hears the new figures after an edit without being interrupted.
 */
export function PreviewSummary({ preview }: PreviewSummaryProps) {
  const overloaded = preview.status === 'ready' ? overloadedIds(preview).length : 0;
  const tone = preview.status === 'ready' ? (overloaded > 0 ? 'warning' : 'ok') : preview.status;
  return (
    <div className={`preview-summary ${tone}`} role="status" aria-live="polite">
      {preview.status === 'running' && <span className="spinner preview-spinner" aria-hidden="true" />}
      <span className="preview-text">{previewSummaryText(preview)}</span>
      {(preview.status === 'ready' || preview.status === 'running') && preview.monthlyCost !== undefined && (
        <span className="preview-cost" title="Steady-state estimate at the load this preview measured, list prices with the project's overrides (docs/providers.md)">
          ≈ {formatUsd(preview.monthlyCost)} / month at this load
        </span>
      )}
      {preview.status === 'ready' && preview.wallMs !== undefined && (
        <span className="preview-wall muted" title="Wall-clock time of the simulation in your browser">
          {Math.round(preview.wallMs)} ms
        </span>
      )}
    </div>
  );
}
