import { DEFAULTS, formatDefault, LIMITS } from '@architech/contracts';
import { useElementEditor } from './element-editor';
import { FieldMessages } from './field-frame';
import { propertyIssuePath, type FieldIssues } from './field-issues';
import type { ElementIssues } from '../overlays';
import { NumberField } from './number-field';
import { numberAt, type Fields } from './read-properties';

/** Props of {@link ProfileFields}. */
export interface ProfileFieldsProps {
  /** `arrival.profile` of the client being edited. */
  readonly profile: Fields;
}

const at = (field: string) => ['arrival', 'profile', field];

/** The fields of an arrival profile's shape (docs/engine.md §2, "Arrival profiles"). */
export function ProfileFields({ profile }: ProfileFieldsProps) {
  const n = (field: string) => numberAt(profile, field);
  switch (profile.shape) {
    case 'ramp':
      return (
        <>
          <NumberField label="Ramp to (req/s)" path={at('toRatePerSec')} value={n('toRatePerSec')} required />
          <div className="prop-pair">
            <NumberField label="From (s)" path={at('startSec')} value={n('startSec')} placeholder={String(DEFAULTS.rampProfile.startSec)} emptyHint={`Default ${DEFAULTS.rampProfile.startSec} s`} />
            <NumberField label="Until (s)" path={at('endSec')} value={n('endSec')} required />
          </div>
        </>
      );
    case 'spike':
      return (
        <>
          <NumberField label="Spike rate (req/s)" path={at('ratePerSec')} value={n('ratePerSec')} required />
          <div className="prop-pair">
            <NumberField label="Starts at (s)" path={at('startSec')} value={n('startSec')} required />
            <NumberField label="Lasts (s)" path={at('durationSec')} value={n('durationSec')} placeholder="to the end" emptyHint="Empty: a step up to the end" />
          </div>
        </>
      );
    case 'diurnal':
      return (
        <>
          <NumberField label="Amplitude (0–1)" path={at('amplitude')} value={n('amplitude')} required hint="Swing around the base rate" />
          <div className="prop-pair">
            <NumberField label="Period (s)" path={at('periodSec')} value={n('periodSec')} placeholder={String(DEFAULTS.diurnalProfile.periodSec)} emptyHint={`Default ${formatDefault(DEFAULTS.diurnalProfile.periodSec)} s`} />
            <NumberField label="Phase (s)" path={at('phaseSec')} value={n('phaseSec')} placeholder={String(DEFAULTS.diurnalProfile.phaseSec)} emptyHint={`Default ${DEFAULTS.diurnalProfile.phaseSec} s`} />
          </div>
        </>
      );
    case 'points':
      return <PointsTable points={profile.points} />;
    default:
      return null;
  }
}

/**
 * The `[timeSec, ratePerSec]` points of a piecewise-linear profile, one row each. Every change
 * writes the whole list (one undo step); the base rate is ignored while points are used.
 */
function PointsTable({ points }: { readonly points: unknown }) {
  const editor = useElementEditor();
  const rows = Array.isArray(points) ? (points as readonly unknown[]) : [];
  const cell = (row: unknown, column: 0 | 1) => (Array.isArray(row) && typeof row[column] === 'number' ? (row[column] as number) : undefined);
  const write = (next: readonly unknown[]) => editor.update(['arrival', 'profile'], { points: next });
  const setCell = (index: number, column: 0 | 1, value: number | undefined) =>
    write(rows.map((row, i) => (i !== index ? row : column === 0 ? [value, cell(row, 1)] : [cell(row, 0), value])));
  const last = rows[rows.length - 1];
  const listPath = propertyIssuePath(editor.prefix, ['arrival', 'profile', 'points']);
  // The cells show their own problems; the list shows the rest (ordering, a malformed row).
  const listIssues = rowAndListIssues(editor.issues, listPath);
  return (
    <div className="prop-points">
      <p className="field-hint">The rate goes linearly from point to point; the base rate is ignored.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Time (s)</th>
            <th scope="col">Rate (req/s)</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {([0, 1] as const).map((column) => (
                <td key={column}>
                  <NumberField
                    label={`Point ${index + 1} ${column === 0 ? 'time (s)' : 'rate (req/s)'}`}
                    hideLabel
                    path={['arrival', 'profile', 'points', index, column]}
                    value={cell(row, column)}
                    required
                    onCommit={(value) => setCell(index, column, value)}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="ghost icon"
                  aria-label={`Remove point ${index + 1}`}
                  disabled={editor.readOnly || rows.length <= 1}
                  onClick={() => write(rows.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FieldMessages issues={listIssues} />
      {!editor.readOnly && rows.length < LIMITS.maxProfilePoints && (
        <button type="button" onClick={() => write([...rows, [(cell(last, 0) ?? -60) + 60, cell(last, 1) ?? 0]])}>
          Add point
        </button>
      )}
    </div>
  );
}

/** Problems of the list itself or of a whole row (`points`, `points[2]`), not of one cell (`points[2][0]`). */
function rowAndListIssues(issues: ElementIssues | undefined, listPath: string): FieldIssues {
  const mine = (path: string) => {
    if (!path.startsWith(listPath)) return false;
    const rest = path.slice(listPath.length);
    return /^(\[\d+\])*$/.test(rest) && !/^\[\d+\]\[[01]\]$/.test(rest);
  };
  return { errors: issues?.errors.filter((i) => mine(i.path)) ?? [], warnings: issues?.warnings.filter((i) => mine(i.path)) ?? [] };
}
