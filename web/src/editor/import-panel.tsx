import { useState } from 'react';
import { loadImportReview, markReviewed } from './import-review';

/**
 * Beside the canvas after an import: every assumption with its file and line, to confirm (tick it)
 * or correct (edit the design, then tick it), and the resources kept as notes.
 */
export function ImportPanel({ versionId, onClose }: { versionId: string; onClose: () => void }) {
  const [review, setReview] = useState(() => loadImportReview(versionId));
  return (
    <section className="side-panel import-panel" aria-labelledby="import-title">
      <div className="row panel-head">
        <h2 id="import-title">Import assumptions</h2>
        <span className="spacer" />
        <button className="ghost icon" aria-label="Close import assumptions" onClick={onClose}>
          ✕
        </button>
      </div>
      {!review ? (
        <p className="muted">This browser has no import report for this version (it is kept where the import was made).</p>
      ) : (
        <>
          <p className="muted" aria-label="Import summary">
            {review.metadata.originalFormat} · {review.metadata.files.length} file(s) · {review.metadata.resourceCount} resources · complexity {review.metadata.complexity} ·{' '}
            <strong>
              {review.reviewed.length} of {review.assumptions.length} reviewed
            </strong>
          </p>
          <p className="field-hint">Tick each assumption once it is right; correct the design on the canvas where it is not, then save.</p>
          <ol className="assumption-list" aria-label="Assumptions">
            {review.assumptions.map((a, i) => (
              <li key={i}>
                <label className="assumption">
                  <input type="checkbox" checked={review.reviewed.includes(i)} onChange={(e) => setReview(markReviewed(versionId, review, i, e.target.checked))} />
                  <span>
                    {a.message}
                    <span className="field-hint">
                      {a.file}:{a.line}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ol>
          {review.notes.length > 0 && (
            <>
              <h3>Kept as notes</h3>
              <ul className="assumption-list" aria-label="Notes">
                {review.notes.map((n, i) => (
                  <li key={i}>
                    {n.message}
                    <span className="field-hint">
                      {' '}
                      {n.file}:{n.line}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
