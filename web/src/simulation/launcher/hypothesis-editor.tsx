import { HYPOTHESIS_METRICS, type HypothesisCondition, type HypothesisMetric } from '@architech/contracts';

const METRIC_LABELS: Record<HypothesisMetric, string> = {
  latencyP50Ms: 'p50 latency (ms)',
  latencyP95Ms: 'p95 latency (ms)',
  latencyP99Ms: 'p99 latency (ms)',
  latencyMeanMs: 'mean latency (ms)',
  errorRate: 'error rate (%)',
  throughputPerSec: 'throughput (req/s)',
};

/** The usual starting point: "p99 < 300 ms and error rate < 1%". */
export const DEFAULT_HYPOTHESIS: readonly HypothesisCondition[] = [
  { metric: 'latencyP99Ms', op: '<', value: 300 },
  { metric: 'errorRate', op: '<', value: 0.01 },
];

/**
 * The steady-state hypothesis: end-to-end conditions that must all hold despite the faults.
 * Error rates are typed in percent and stored as fractions.
 */
export function HypothesisEditor({ conditions, onChange }: { conditions: readonly HypothesisCondition[]; onChange: (c: HypothesisCondition[]) => void }) {
  const update = (index: number, patch: Partial<HypothesisCondition>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="hypothesis-editor">
      <legend>Steady-state hypothesis</legend>
      <p className="field-hint">Checked against the end-to-end result after the run; every condition must hold.</p>
      {conditions.map((c, index) => {
        const percent = c.metric === 'errorRate';
        return (
          <div className="row" key={index}>
            <select aria-label={`Condition ${index + 1} metric`} value={c.metric} onChange={(e) => update(index, { metric: e.target.value as HypothesisMetric })}>
              {HYPOTHESIS_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
            <select aria-label={`Condition ${index + 1} comparison`} value={c.op} onChange={(e) => update(index, { op: e.target.value as HypothesisCondition['op'] })}>
              {(['<', '<=', '>', '>='] as const).map((op) => (
                <option key={op}>{op}</option>
              ))}
            </select>
            <input
              aria-label={`Condition ${index + 1} value${percent ? ' (%)' : ''}`}
              type="number"
              min={0}
              step="any"
              value={percent ? +(c.value * 100).toFixed(6) : c.value}
              onChange={(e) => update(index, { value: Math.max(0, Number(e.target.value) / (percent ? 100 : 1)) })}
              style={{ width: 90 }}
            />
            <button type="button" className="ghost icon" aria-label={`Remove condition ${index + 1}`} onClick={() => onChange(conditions.filter((_, i) => i !== index))}>
              ✕
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...conditions, { metric: 'latencyP95Ms', op: '<', value: 200 }])} disabled={conditions.length >= 20}>
        Add condition
      </button>
    </fieldset>
  );
}
