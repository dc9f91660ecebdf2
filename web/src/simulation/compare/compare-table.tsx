import { formatValue, type Unit } from '../metric-format';
import { formatDifference, formatRelative } from './format-delta';
import { deltaOf, type CompareRow, type Delta } from './compare-rows';

const VERDICT_TEXT: Record<Delta['verdict'], string> = {
  better: 'better',
  worse: 'worse',
  same: 'no change',
  'within-noise': 'within the confidence intervals: may be chance',
  negligible: 'under 1%: negligible',
  changed: 'changed (neither better nor worse)',
};


function Value({ value, ci, unit }: { value: number | undefined; ci: number | undefined; unit: Unit }) {
  if (value === undefined) return <span className="muted">—</span>;
  return (
    <>
      {formatValue(value, unit)}
      {ci !== undefined && <span className="muted ci"> ± {formatValue(ci, unit)}</span>}
    </>
  );
}

/**
 * Two runs metric by metric: A, B, and B − A absolute and relative, coloured green when B is
 * better, red when worse, grey when the difference is within the confidence intervals (or under 1%
 * without them).
 */
export function CompareTable({ rows, labelA, labelB }: { rows: readonly CompareRow[]; labelA: string; labelB: string }) {
  const groups = [...new Set(rows.map((r) => r.group))];
  return (
    <table className="list compare-table" aria-label="Metrics of A and B">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            A <span className="muted">({labelA})</span>
          </th>
          <th scope="col" className="num">
            B <span className="muted">({labelB})</span>
          </th>
          <th scope="col" className="num">
            B − A
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group}>
          <tr className="compare-group">
            <th scope="rowgroup" colSpan={5}>
              {group}
            </th>
          </tr>
          {rows
            .filter((r) => r.group === group)
            .map((row) => {
              const delta = deltaOf(row);
              const verdict = delta?.verdict;
              return (
                  <tr key={row.label} className={verdict ? `verdict-${verdict}` : undefined}>
                    <th scope="row">{row.label}</th>
                    <td className="num">
                      <Value value={row.a} ci={row.ciA} unit={row.unit} />
                    </td>
                    <td className="num">
                      <Value value={row.b} ci={row.ciB} unit={row.unit} />
                    </td>
                    <td className="num delta" title={verdict && VERDICT_TEXT[verdict]}>
                      {delta ? (delta.verdict === 'same' ? '0' : formatDifference(delta.absolute, row.unit, row.a!, row.b!)) : '–'}
                      {verdict && <span className="sr-only"> ({VERDICT_TEXT[verdict]})</span>}
                    </td>
                    <td className="num delta">{delta ? (delta.verdict === 'same' ? '0 %' : formatRelative(delta.relative)) : '–'}</td>
                  </tr>
              );
            })}
        </tbody>
      ))}
    </table>
  );
}
