import type { DashboardComponent } from './chart-catalog';
import { SecondsInput } from './seconds-input';

/** Props of {@link DashboardToolbar}. */
export interface DashboardToolbarProps {
  readonly components: readonly DashboardComponent[];
  /** The picked component, or undefined for the end-to-end view. */
  readonly scope: string | undefined;
  readonly onScope: (componentId: string | undefined) => void;
  readonly fromSec: number | undefined;
  readonly toSec: number | undefined;
  readonly durationSec: number;
  readonly onRange: (fromSec: number | undefined, toSec: number | undefined) => void;
  readonly t: number | undefined;
  readonly onTime: (sec: number | undefined) => void;
  readonly live: boolean;
  readonly refreshing: boolean;
}

/** The dashboard's controls: component, time window (zoom) and the shared time cursor. */
export function DashboardToolbar(props: DashboardToolbarProps) {
  const { components, scope, onScope, fromSec, toSec, durationSec, onRange, t, onTime, live, refreshing } = props;
  const zoomed = fromSec !== undefined || toSec !== undefined;
  return (
    <div className="dashboard-toolbar" role="toolbar" aria-label="Dashboard controls">
      <label>
        Component
        <select value={scope ?? ''} onChange={(e) => onScope(e.target.value || undefined)} aria-label="Component to show">
          <option value="">End to end (all components)</option>
          {components.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} ({c.type.toLowerCase().replace('_', ' ')})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="dashboard-range">
        <legend>Window (simulated s)</legend>
        <SecondsInput label="From" value={fromSec} max={durationSec} onCommit={(v) => onRange(v, toSec)} />
        <SecondsInput label="To" value={toSec} max={durationSec} onCommit={(v) => onRange(fromSec, v)} />
        <button onClick={() => onRange(undefined, undefined)} disabled={!zoomed} title="Show the whole run (drag across a chart to zoom)">
          Reset zoom
        </button>
      </fieldset>
      <fieldset className="dashboard-range">
        <legend>Cursor</legend>
        <SecondsInput label="At (s)" value={t} max={durationSec} onCommit={onTime} />
        <button onClick={() => onTime(undefined)} disabled={t === undefined} aria-label="Clear the time cursor">
          Clear
        </button>
      </fieldset>
      <span className="spacer" />
      {live && (
        <span className="badge live" title="Refreshed every 2 seconds while the run goes on">
          ● live
        </span>
      )}
      <span className="dashboard-refresh muted" role="status" aria-live="polite">
        {refreshing ? 'Refreshing…' : ''}
      </span>
    </div>
  );
}
