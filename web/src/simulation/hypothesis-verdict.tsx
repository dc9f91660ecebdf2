import { describeCondition, evaluateHypothesis, formatHypothesisValue, type HypothesisCondition, type SimulationSummaryDto } from '@architech/contracts';

/**
 * The steady-state hypothesis of a finished run: PASS when every condition held on the end-to-end
 * result, FAIL otherwise, with the measured value next to each condition.
 */
export function HypothesisVerdict({ hypothesis, summary }: { hypothesis: readonly HypothesisCondition[] | undefined; summary: SimulationSummaryDto | undefined }) {
  if (!hypothesis || hypothesis.length === 0 || !summary) return null;
  const verdict = evaluateHypothesis(hypothesis, summary);
  return (
    <section className={`hypothesis-verdict ${verdict.holds ? 'pass' : 'fail'}`} aria-label="Steady-state hypothesis" data-testid="hypothesis-verdict">
      <strong className="verdict-badge">{verdict.holds ? 'PASS' : 'FAIL'}</strong>
      <span>Steady-state hypothesis:</span>
      <ul>
        {verdict.outcomes.map((o, i) => (
          <li key={i} className={o.holds ? 'holds' : 'broken'}>
            {o.holds ? '✓' : '✗'} {describeCondition(o.condition)} <span className="muted">(measured {formatHypothesisValue(o.condition.metric, o.actual)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
