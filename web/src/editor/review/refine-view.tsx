import type { AnalysisDto } from '@architech/contracts';
import type { RefineResult, TimelineEntry } from '@architech/sim-engine';

const STATES = ['generating', 'validating', 'optimizing'] as const;
const TERMINAL = ['accepted', 'stopped', 'failed'] as const;

/** The refine loop live: its states as a small graph (the current one lit), the iteration, the timeline, then the outcome. */
export function RefineView({ run, canAccept, onShowDiff, onAccept, onDiscard }: { run: AnalysisDto; canAccept: boolean; onShowDiff: () => void; onAccept: () => void; onDiscard: () => void }) {
  const timeline = run.timeline as TimelineEntry[];
  const transitions = timeline.filter((e): e is Extract<TimelineEntry, { kind: 'transition' }> => e.kind === 'transition');
  const current = transitions[transitions.length - 1];
  const result = run.status === 'COMPLETED' ? (run.result as RefineResult<never>) : undefined;
  return (
    <div className="refine-view" data-testid="refine-view">
      <ol className="state-graph" aria-label="Refine states">
        {[...STATES, ...TERMINAL].map((s) => (
          <li key={s} className={current?.state === s ? 'current' : transitions.some((t) => t.state === s) ? 'visited' : ''} aria-current={current?.state === s ? 'step' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      <p>
        Iteration <strong data-testid="refine-iteration">{current?.iteration ?? 0}</strong> of at most 3 — {run.status === 'FAILED' ? `failed: ${run.error}` : (run.stage ?? 'waiting')}
      </p>
      <ol className="timeline" aria-label="Refine timeline">
        {timeline.map((e) => (
          <li key={e.seq}>{describeEntry(e)}</li>
        ))}
      </ol>
      {result && (
        <div className={`refine-outcome ${result.state}`} role="status">
          <p>
            <strong>{result.state === 'accepted' ? 'Accepted' : result.state === 'stopped' ? `Stopped (${result.reason})` : `Failed (${result.reason})`}</strong> after {result.iterations} iteration{result.iterations === 1 ? '' : 's'}: capacity {result.capacity.before} → {result.capacity.after} (analytic minimum {result.capacity.analyticMinimum}).
          </p>
          {result.changes.length > 0 && (
            <div className="row">
              <button onClick={onShowDiff}>Show the diff on the canvas</button>
              {canAccept && (
                <button className="primary" onClick={onAccept}>
                  Accept as new version
                </button>
              )}
              <button onClick={onDiscard}>Discard</button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function describeEntry(e: TimelineEntry): string {
  switch (e.kind) {
    case 'transition':
      return `→ ${e.state}${e.reason ? ` (${e.reason})` : ''}`;
    case 'proposal':
      return e.changes.length ? `proposed: ${e.changes.map((c) => `${c.componentId}.${c.property} ${JSON.stringify(c.from) ?? '–'} → ${JSON.stringify(c.to)}`).join('; ')} (capacity ${e.capacity})` : 'proposed: no change';
    case 'validation':
      return `validated: ${e.result.criteria.map((c) => `${c.passed ? '✓' : '✗'} ${c.evidence}`).join('; ')}`;
    case 'retry':
    case 'note':
      return e.text;
  }
}
