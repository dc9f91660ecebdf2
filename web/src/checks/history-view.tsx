import type { CheckHistoryDto } from '@architech/contracts';
import { formatDate } from '../ui/format';
import { VerdictBadge } from './verdict-badge';

const COLOR = { passed: 'var(--verdict-passed, #1a7f37)', failed: 'var(--verdict-failed, #cf222e)', inconclusive: 'var(--verdict-inconclusive, #9a6700)' } as const;
const CELL = 18;

/**
 * History of every requirement: a chart (one row per requirement, one square per check run,
 * coloured by verdict, oldest left) and a table with pass rate, failure streak, regressed and
 * flaky, then the coverage of the latest checked version.
 */
export function HistoryView({ history }: { history: CheckHistoryDto }) {
  const runs = [...new Map(history.requirements.flatMap((r) => r.points).map((p) => [p.checkRunId, p])).values()].sort((a, b) => a.at.localeCompare(b.at));
  const labelWidth = 90;
  const width = labelWidth + Math.max(1, runs.length) * (CELL + 4);
  const height = history.requirements.length * (CELL + 6) + 20;
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {runs.length === 0 ? (
        <p className="muted">No check run yet: open a design version and choose “Check this version”.</p>
      ) : (
        <svg role="img" aria-label={`Verdicts of ${history.requirements.length} requirements over ${runs.length} check runs`} width={width} height={height} className="history-chart">
          {history.requirements.map((r, row) => (
            <g key={r.requirementId} transform={`translate(0, ${row * (CELL + 6)})`}>
              <text x={0} y={CELL - 4} fontSize={12}>
                {r.requirementId}
              </text>
              {runs.map((run, col) => {
                const point = r.points.find((p) => p.checkRunId === run.checkRunId);
                return (
                  <rect key={run.checkRunId} x={labelWidth + col * (CELL + 4)} y={0} width={CELL} height={CELL} rx={3} fill={point ? COLOR[point.verdict] : 'transparent'} stroke="#8c959f" strokeWidth={point ? 0 : 1}>
                    <title>{`${r.requirementId} on v${run.designVersion}, ${formatDate(run.at)}: ${point?.verdict ?? 'not checked'}`}</title>
                  </rect>
                );
              })}
            </g>
          ))}
          <text x={labelWidth} y={height - 4} fontSize={11} fill="#57606a">
            oldest → newest check run (last {history.window})
          </text>
        </svg>
      )}
      <table className="list" aria-label="Requirement history">
        <thead>
          <tr>
            <th>requirement</th>
            <th>latest</th>
            <th>pass rate</th>
            <th>failure streak</th>
            <th>flags</th>
            <th>verdicts by version</th>
          </tr>
        </thead>
        <tbody>
          {history.requirements.map((r) => (
            <tr key={r.requirementId}>
              <td>
                <strong>{r.requirementId}</strong> <span className="muted">{r.statement}</span>
              </td>
              <td>{r.points.length ? <VerdictBadge verdict={r.points.at(-1)!.verdict} /> : <VerdictBadge verdict="unchecked" />}</td>
              <td>{r.passRate === null ? '–' : `${Math.round(r.passRate * 100)}% of ${Math.min(r.points.length, history.window)}`}</td>
              <td>{r.failureStreak}</td>
              <td>
                {r.regressed && <span className="badge verdict-failed">regressed</span>} {r.flaky && <span className="badge verdict-inconclusive">flaky</span>}
              </td>
              <td className="small">{r.points.map((p) => `v${p.designVersion} ${p.verdict}`).join(' · ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {history.coverage.designId && (
        <p aria-label="Coverage">
          <strong>Coverage</strong> (latest checked version):{' '}
          {history.coverage.components.map((c) => `${c.componentId} ${c.requirementIds.length ? `(${c.requirementIds.join(', ')})` : ''}`).join(' · ')}
          {history.coverage.untested.length > 0 && <span className="muted"> — untested: {history.coverage.untested.join(', ')}</span>}
        </p>
      )}
    </section>
  );
}
