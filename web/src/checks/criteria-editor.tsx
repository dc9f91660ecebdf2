import { CHECK_LIMITS, CHECK_METRICS, END_TO_END_CHECK_METRICS, type CheckMetric, type Criterion, type CriterionWindow } from '@architech/contracts';

export const METRIC_LABELS: Record<CheckMetric, string> = {
  latencyP50Ms: 'p50 latency (ms)',
  latencyP95Ms: 'p95 latency (ms)',
  latencyP99Ms: 'p99 latency (ms)',
  latencyMeanMs: 'mean latency (ms)',
  latencyMaxMs: 'max latency (ms)',
  errorRate: 'error rate (%)',
  throughputPerSec: 'throughput (req/s)',
  utilization: 'utilization (%)',
  meanQueueLength: 'mean queue length',
  arrivals: 'arrivals',
  completions: 'completions',
  errors: 'errors',
  drops: 'drops',
  timeouts: 'timeouts',
  recoverySec: 'recovery after the faults (s)',
};
/** Metrics typed in percent and stored as fractions. */
export const PERCENT: ReadonlySet<string> = new Set(['errorRate', 'utilization']);
const END_TO_END: ReadonlySet<string> = new Set(END_TO_END_CHECK_METRICS);

type WindowChoice = 'steady' | 'fault' | 'after-fault' | 'custom';
const windowChoice = (w: CriterionWindow | undefined): WindowChoice => (w === undefined ? 'steady' : typeof w === 'string' ? w : 'custom');

/** Props of {@link CriteriaEditor}. */
export interface CriteriaEditorProps {
  readonly criteria: readonly Criterion[];
  readonly components: readonly { id: string; label: string }[];
  readonly durationSec: number;
  readonly issueAt: (path: string) => string | undefined;
  readonly onChange: (criteria: Criterion[]) => void;
}

/** Criteria rows: metric, where (end to end or a component), window, comparison and threshold. */
export function CriteriaEditor(p: CriteriaEditorProps) {
  const update = (index: number, next: Criterion) => p.onChange(p.criteria.map((c, i) => (i === index ? next : c)));
  return (
    <fieldset className="criteria-editor">
      <legend>Criteria (all must pass)</legend>
      {p.criteria.map((c, i) => {
        const percent = PERCENT.has(c.metric);
        const choice = windowChoice(c.window);
        const issue = p.issueAt(`criteria[${i}]`);
        return (
          <div key={i} className="criterion-row">
            <div className="row">
              <select aria-label={`Criterion ${i + 1} metric`} value={c.metric} onChange={(e) => {
                const metric = e.target.value as CheckMetric;
                const next: Criterion = { ...c, metric };
                if (metric === 'recoverySec') delete next.window;
                if (metric === 'recoverySec' || (END_TO_END.has(metric) && !c.component)) delete next.component;
                else if (!END_TO_END.has(metric) && !c.component) next.component = p.components[0]?.id;
                update(i, next);
              }}>
                {CHECK_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_LABELS[m]}
                  </option>
                ))}
              </select>
              {c.metric !== 'recoverySec' && (
                <select aria-label={`Criterion ${i + 1} component`} value={c.component ?? ''} onChange={(e) => update(i, { ...c, component: e.target.value || undefined })}>
                  {END_TO_END.has(c.metric) && <option value="">end to end</option>}
                  {p.components.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.label}
                    </option>
                  ))}
                </select>
              )}
              {c.metric !== 'recoverySec' && (
                <select aria-label={`Criterion ${i + 1} window`} value={choice} onChange={(e) => {
                  const w = e.target.value as WindowChoice;
                  update(i, { ...c, window: w === 'steady' ? undefined : w === 'custom' ? { fromSec: 0, toSec: p.durationSec } : w });
                }}>
                  <option value="steady">steady state</option>
                  <option value="fault">during the faults</option>
                  <option value="after-fault">after the faults</option>
                  <option value="custom">from … to … s</option>
                </select>
              )}
              {typeof c.window === 'object' && (
                <>
                  <input aria-label={`Criterion ${i + 1} window from (s)`} type="number" min={0} value={c.window.fromSec} style={{ width: 70 }} onChange={(e) => update(i, { ...c, window: { ...(c.window as { fromSec: number; toSec: number }), fromSec: Number(e.target.value) } })} />
                  <input aria-label={`Criterion ${i + 1} window to (s)`} type="number" min={0} value={c.window.toSec} style={{ width: 70 }} onChange={(e) => update(i, { ...c, window: { ...(c.window as { fromSec: number; toSec: number }), toSec: Number(e.target.value) } })} />
                </>
              )}
              <select aria-label={`Criterion ${i + 1} comparison`} value={c.op} onChange={(e) => update(i, { ...c, op: e.target.value as Criterion['op'] })}>
                {(['<', '<=', '>', '>='] as const).map((op) => (
                  <option key={op}>{op}</option>
                ))}
              </select>
              <input
                aria-label={`Criterion ${i + 1} threshold${percent ? ' (%)' : ''}`}
                type="number"
                min={0}
                step="any"
                style={{ width: 90 }}
                value={percent ? +(c.value * 100).toFixed(6) : c.value}
                onChange={(e) => update(i, { ...c, value: Math.max(0, Number(e.target.value) / (percent ? 100 : 1)) })}
              />
              <button type="button" className="ghost icon" aria-label={`Remove criterion ${i + 1}`} onClick={() => p.onChange(p.criteria.filter((_, j) => j !== i))}>
                ✕
              </button>
            </div>
            {issue && <span className="field-error">{issue}</span>}
          </div>
        );
      })}
      <button type="button" disabled={p.criteria.length >= CHECK_LIMITS.maxCriteria} onClick={() => p.onChange([...p.criteria, { metric: 'latencyP99Ms', op: '<', value: 300 }])}>
        Add criterion
      </button>
    </fieldset>
  );
}
