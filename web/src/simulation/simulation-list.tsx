import { useEffect, useState } from 'react';
import { FINAL_SIMULATION_STATES, type SimulationDto } from '@architech/contracts';
import { simulationsApi } from '../api/simulations';
import { Link } from '../app/link';
import { navigate } from '../app/router';
import { EmptyState, ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { useAsync } from '../ui/use-async';
import { formatMs, formatNumber, formatPercent, formatRate } from './metric-format';
import { StatusBadge } from './status-badge';
import './simulation.css';

/** Props of {@link SimulationList}. */
export interface SimulationListProps {
  readonly projectId: string;
  /** The design version whose runs are listed. */
  readonly designId: string;
  /** Compare two runs, the older as A (baseline); without it, the compare page opens. */
  readonly onCompare?: (a: string, b: string) => void;
}

/** While a run is pending or running, the list refreshes this often. */
const REFRESH_MS = 3000;

/**
 * The past simulations of one design version, newest first: state, when, how long, headline
 * numbers, a link to each; tick two to compare them.
 */
export function SimulationList({ projectId, designId, onCompare }: SimulationListProps) {
  const list = useAsync((signal) => simulationsApi.listForDesign(designId, signal), [designId]);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const active = list.value?.some((s) => !FINAL_SIMULATION_STATES.has(s.status)) ?? false;
  const { reload } = list;
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [active, reload]);
  useEffect(() => setPicked([]), [designId]);

  const toggle = (id: string) => setPicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id].slice(-2)));
  const compare = () => {
    const runs = (list.value ?? []).filter((s) => picked.includes(s.id)).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    if (runs.length !== 2) return;
    const [a, b] = [runs[0]!.id, runs[1]!.id];
    if (onCompare) onCompare(a, b);
    else navigate(`/projects/${encodeURIComponent(projectId)}/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`);
  };

  return (
    <section className="stack" aria-labelledby="simulation-list-title">
      <div className="row">
        <h2 id="simulation-list-title">Simulations</h2>
        <span className="spacer" />
        <button onClick={compare} disabled={picked.length !== 2} title="Tick two runs to compare them">
          Compare {picked.length === 2 ? 'the two' : `(${picked.length}/2)`}
        </button>
      </div>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.value && <Loading label="Loading simulations…" />}
      {list.value?.length === 0 && (
        <EmptyState title="No simulations of this version yet">
          <p className="muted">Run one to see its dashboards, traces and logs here.</p>
        </EmptyState>
      )}
      {list.value && list.value.length > 0 && (
        <div className="sim-list-frame">
        <table className="list compact sim-list" aria-label="Simulations of this design version">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Compare</span>
              </th>
              <th scope="col">Run</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Throughput
              </th>
              <th scope="col" className="num">
                p99
              </th>
              <th scope="col" className="num">
                Error rate
              </th>
            </tr>
          </thead>
          <tbody>
            {list.value.map((s) => (
              <SimulationRow key={s.id} simulation={s} projectId={projectId} checked={picked.includes(s.id)} onToggle={() => toggle(s.id)} />
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}

function SimulationRow({ simulation: s, projectId, checked, onToggle }: { simulation: SimulationDto; projectId: string; checked: boolean; onToggle: () => void }) {
  const e = s.summary?.endToEnd;
  const faults = s.configuration.faults.length;
  const when = formatDate(s.createdAt);
  return (
    <tr>
      <td className="sim-list-pick">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Compare the run of ${when}`} />
      </td>
      <td className="sim-list-run">
        <Link href={`/projects/${encodeURIComponent(projectId)}/simulations/${encodeURIComponent(s.id)}`}>{when}</Link>
        {faults > 0 && <span className="muted"> · {faults === 1 ? '1 fault' : `${faults} faults`}</span>}
      </td>
      <td className="sim-list-state" data-label="State">
        <StatusBadge state={s.status} />
        {s.status === 'RUNNING' && <span className="muted"> {Math.floor(s.progress * 100)} %</span>}
      </td>
      <td className="num" data-label="Duration">{formatNumber(s.configuration.durationSec)} s</td>
      <td className="num" data-label="Throughput">{e ? formatRate(e.throughput) : '–'}</td>
      <td className="num" data-label="p99">{e ? formatMs(e.latency.p99) : '–'}</td>
      <td className="num" data-label="Error rate">{e ? formatPercent(e.errorRate) : '–'}</td>
    </tr>
  );
}
