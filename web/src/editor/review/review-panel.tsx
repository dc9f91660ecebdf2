import { useEffect, useState } from 'react';
import type { AnalysisDto } from '@architech/contracts';
import type { Finding, Review, RefineResult } from '@architech/sim-engine';
import { analysesApi, followAnalysis } from '../../api/analyses';
import { describeError } from '../../api/api-error';
import { FindingsList } from './findings-list';
import { RefineView } from './refine-view';
import './review.css';

export interface ReviewPanelProps {
  /** The saved version reviewed and refined. */
  designId: string;
  version: number;
  readOnly: boolean;
  dirty: boolean;
  onSelect: (ids: string[]) => void;
  onApply: (finding: Finding) => void;
  onShowDiff: (result: RefineResult<never>) => void;
  onAccept: (result: RefineResult<never>) => void;
  onClose: () => void;
}

/**
 * The Review panel: reviews the saved version (optionally with what-if simulations), lists the
 * findings by domain and severity, and runs the refine loop towards a goal (p99 and error-rate
 * bounds), live, with the proposal to accept as a new version or discard.
 */
export function ReviewPanel(p: ReviewPanelProps) {
  const [simulate, setSimulate] = useState(false);
  const [review, setReview] = useState<AnalysisDto>();
  const [refine, setRefine] = useState<AnalysisDto>();
  const [error, setError] = useState<string>();
  const [p99, setP99] = useState('200');
  const [errorPct, setErrorPct] = useState('1');
  const [stops] = useState<(() => void)[]>([]);
  useEffect(() => () => stops.forEach((s) => s()), [stops]);
  useEffect(() => {
    setReview(undefined);
    setRefine(undefined);
  }, [p.designId]);

  const start = async (kind: 'review' | 'refine') => {
    setError(undefined);
    try {
      if (kind === 'review') {
        const { id } = await analysesApi.review(p.designId, { simulate });
        stops.push(followAnalysis(analysesApi.getReview, id, setReview, (e) => setError(describeError(e))));
      } else {
        const goal = { hypothesis: [{ metric: 'latencyP99Ms', op: '<', value: Number(p99) }, { metric: 'errorRate', op: '<', value: Number(errorPct) / 100 }] };
        const { id } = await analysesApi.refine(p.designId, goal);
        stops.push(followAnalysis(analysesApi.getRefinement, id, setRefine, (e) => setError(describeError(e))));
      }
    } catch (e) {
      setError(describeError(e));
    }
  };
  const running = (a?: AnalysisDto) => a !== undefined && (a.status === 'PENDING' || a.status === 'RUNNING');

  return (
    <section className="side-panel review-panel" aria-labelledby="review-title">
      <div className="row panel-head">
        <h2 id="review-title">Review v{p.version}</h2>
        <span className="spacer" />
        <button className="ghost icon" aria-label="Close review" onClick={p.onClose}>
          ✕
        </button>
      </div>
      {p.dirty && <p className="muted">The saved version is reviewed; save to include your unsaved edits.</p>}
      <div className="row">
        <label className="row">
          <input type="checkbox" checked={simulate} onChange={(e) => setSimulate(e.target.checked)} /> with what-if simulations
        </label>
        <button className="primary" disabled={p.readOnly || running(review)} onClick={() => void start('review')}>
          {running(review) ? `Reviewing… ${Math.round((review?.progress ?? 0) * 100)}%` : 'Review'}
        </button>
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      {review?.status === 'FAILED' && <p className="alert error">Review failed: {review.error}</p>}
      {review?.status === 'COMPLETED' && <FindingsList review={review.result as Review} readOnly={p.readOnly} onSelect={p.onSelect} onApply={p.onApply} />}
      <h3>Refine towards a goal</h3>
      <div className="row refine-goal">
        <label>
          p99 &lt; <input aria-label="p99 bound (ms)" inputMode="decimal" value={p99} onChange={(e) => setP99(e.target.value)} size={5} /> ms
        </label>
        <label>
          errors &lt; <input aria-label="error-rate bound (%)" inputMode="decimal" value={errorPct} onChange={(e) => setErrorPct(e.target.value)} size={4} /> %
        </label>
        <button disabled={p.readOnly || running(refine)} onClick={() => void start('refine')}>
          {running(refine) ? 'Refining…' : 'Refine'}
        </button>
      </div>
      {refine && (
        <RefineView
          run={refine}
          canAccept={!p.readOnly}
          onShowDiff={() => p.onShowDiff(refine.result as RefineResult<never>)}
          onAccept={() => p.onAccept(refine.result as RefineResult<never>)}
          onDiscard={() => setRefine(undefined)}
        />
      )}
    </section>
  );
}
