import type { CheckRunDto, CriterionEvidenceDto } from '@architech/contracts';
import { Link } from '../app/link';
import { ReportsPanel } from '../simulation/reports-panel';
import { formatDate } from '../ui/format';
import { METRIC_LABELS, PERCENT } from './criteria-editor';
import { VerdictBadge } from './verdict-badge';

const num = (metric: string, v: number) => (PERCENT.has(metric) ? `${+(v * 100).toFixed(2)}%` : `${+v.toFixed(Math.abs(v) >= 100 ? 0 : 2)}`);

function measured(c: CriterionEvidenceDto): string {
  if (c.mean === null || !Number.isFinite(c.mean)) return c.criterion.metric === 'recoverySec' && c.note?.startsWith('not back') ? 'never recovered' : '–';
  return c.halfWidth === null ? num(c.criterion.metric, c.mean) : `${num(c.criterion.metric, c.mean)} ± ${num(c.criterion.metric, c.halfWidth)}`;
}

function criterionText(c: CriterionEvidenceDto['criterion']): string {
  const where = c.component ? ` of ${c.component}` : '';
  const window = c.window === undefined || c.window === 'steady' ? '' : typeof c.window === 'string' ? ` (${c.window})` : ` (${c.window.fromSec}–${c.window.toSec} s)`;
  return `${METRIC_LABELS[c.metric]}${where}${window} ${c.op} ${num(c.metric, c.value)}`;
}

/** One check run: its verdict, then per requirement the evidence record (criteria, values with intervals, seeds, runs). */
export function EvidenceView({ run, projectId, canEdit = false }: { run: CheckRunDto; projectId: string; canEdit?: boolean }) {
  return (
    <section className="stack evidence" aria-label={`Check run of v${run.designVersion}`}>
      <div className="row">
        <h3>
          Check of v{run.designVersion} <span className="muted small">{formatDate(run.createdAt)}</span>
        </h3>
        {run.verdict ? <VerdictBadge verdict={run.verdict} /> : <span className="badge">{run.status === 'RUNNING' ? `running ${run.done}/${run.total}` : run.status.toLowerCase()}</span>}
        {run.error && <span className="field-error">{run.error}</span>}
      </div>
      <ReportsPanel owner={{ kind: 'check', id: run.id }} notReady={run.status === 'RUNNING' ? 'A report can be made once the check run has finished.' : undefined} canGenerate={canEdit} />
      {run.evidence.map((e) => (
        <article key={e.requirementId} className="evidence-record" aria-label={`Evidence for ${e.requirementId}`}>
          <div className="row">
            <strong>{e.requirementId}</strong>
            <span>{e.statement}</span>
            <VerdictBadge verdict={e.verdict} />
            {e.flaky && <span className="badge verdict-inconclusive">flaky</span>}
          </div>
          {e.error && <div className="alert error small">{e.error}</div>}
          <table className="list compact small">
            <thead>
              <tr>
                <th>criterion</th>
                <th>measured (95% CI)</th>
                <th>per seed</th>
                <th>verdict</th>
              </tr>
            </thead>
            <tbody>
              {e.criteria.map((c, i) => (
                <tr key={i}>
                  <td>{criterionText(c.criterion)}</td>
                  <td>{measured(c)}</td>
                  <td>{c.values.map((v) => (v === null ? '–' : num(c.criterion.metric, v))).join(', ')}</td>
                  <td>
                    {c.verdict}
                    {c.verdict === 'inconclusive' && c.replicationsNeeded ? ` (~${c.replicationsNeeded} replications would settle it)` : ''}
                    {c.note ? <span className="muted"> — {c.note}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            seeds {e.seeds.join(', ') || '–'} · engine {e.engineVersion} · {(e.durationMs / 1000).toFixed(1)} s · design {e.designHash?.slice(0, 19)}…
            {e.simulationIds?.length ? ' · runs: ' : ''}
            {e.simulationIds?.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link href={`/projects/${projectId}/simulations/${id}`}>{`#${i + 1}`}</Link>
              </span>
            ))}
          </p>
        </article>
      ))}
    </section>
  );
}
