import { useMemo } from 'react';
import { FINAL_SIMULATION_STATES } from '@architech/contracts';
import { ApiError } from '../api/api-error';
import { sharedRunApi } from '../api/shared';
import { useSearchParams } from '../app/router';
import { ConfigurationPanel } from '../simulation/configuration-panel';
import { Dashboard } from '../simulation/dashboard/dashboard';
import { TelemetryExpiredNotice } from '../simulation/dashboard/telemetry-expired-notice';
import { HeadlineNumbers } from '../simulation/headline-numbers';
import { HypothesisVerdict } from '../simulation/hypothesis-verdict';
import { LogsTab } from '../simulation/logs/logs-tab';
import { ReplayView } from '../simulation/replay/replay-view';
import { ReportsPanel } from '../simulation/reports-panel';
import { RunSourceProvider, sharedRunSource, useRunSource } from '../simulation/run-source';
import { parseTab, SimulationTabs, type SimulationTabId } from '../simulation/simulation-tabs';
import { StatusBadge } from '../simulation/status-badge';
import { TracesTab } from '../simulation/traces/traces-tab';
import { setParams } from '../simulation/url-state';
import { LiveSimulationProvider, useLiveSimulation } from '../simulation/use-live-simulation';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { useAsync } from '../ui/use-async';
import '../simulation/simulation.css';

const TABS: SimulationTabId[] = ['dashboard', 'replay', 'traces', 'logs'];

/** The bar of a shared page: the product's name and what this is, no account links. */
function SharedBar() {
  return (
    <header className="top-bar">
      <span className="brand">
        <svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true">
          <rect width="16" height="16" rx="3" fill="#2563eb" />
          <path d="M4 12 8 4l4 8" stroke="white" strokeWidth="2" fill="none" />
        </svg>
        Architech
      </span>
      <nav className="crumbs" aria-label="Breadcrumbs">
        <strong>Shared simulation</strong> <span className="badge">read-only</span>
      </nav>
    </header>
  );
}

/**
 * `/shared/:token`: a run opened through a share link, without an account (docs/sharing.md). The
 * run page's views, read through the link; nothing that writes. A revoked, expired or unknown
 * link shows that it no longer opens anything.
 */
export function SharedRunPage({ token }: { token: string }) {
  const opened = useAsync((signal) => sharedRunApi(token).open(signal), [token]);
  const source = useMemo(() => sharedRunSource(token), [token]);
  let body;
  if (opened.status === 'error') {
    body =
      opened.error instanceof ApiError && opened.error.status === 404 ? (
        <div className="card stack" role="alert" aria-label="Link not available">
          <h1>This link has expired or was revoked</h1>
          <p className="muted">The share link no longer opens a simulation. Ask whoever sent it for a new one.</p>
        </div>
      ) : (
        <ErrorMessage error={opened.error} onRetry={opened.reload} />
      );
  } else if (opened.value === undefined) {
    body = <Loading label="Opening the shared simulation…" />;
  } else {
    body = (
      <RunSourceProvider value={source}>
        <SharedRun token={token} simulationId={opened.value.simulation.id} expiresAt={opened.value.expiresAt} />
      </RunSourceProvider>
    );
  }
  return (
    <div className="app-shell">
      <SharedBar />
      <main className="sim-page">{body}</main>
    </div>
  );
}

function SharedRun({ token, simulationId, expiresAt }: { token: string; simulationId: string; expiresAt: string | undefined }) {
  const source = useRunSource();
  const liveSimulation = useLiveSimulation(simulationId);
  const { load, simulation, live, state } = liveSimulation;
  const design = useAsync(() => (simulation ? source.design(simulation.designId) : Promise.resolve(undefined)), [simulation?.designId, source]);
  const params = useSearchParams();
  const tab = parseTab(params.get('tab'), TABS);
  const components = useMemo(() => design.value?.components ?? [], [design.value]);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>(components.map((c) => [c.id, c.name || c.id]));
    return (id: string) => names.get(id) ?? id;
  }, [components]);
  if (!simulation) return load.status === 'error' ? <ErrorMessage error={load.error} onRetry={load.reload} /> : <Loading label="Loading the simulation…" />;
  const running = state !== undefined && !FINAL_SIMULATION_STATES.has(state);
  return (
    <>
      <header className="sim-header">
        <h1>Simulation {state && <StatusBadge state={state} />}</h1>
        <span className="sim-meta">
          of {design.value ? `${design.value.name} v${design.value.version}` : 'the design'} · launched {formatDate(simulation.createdAt)}
          {simulation.finishedAt && ` · finished ${formatDate(simulation.finishedAt)}`}
          {expiresAt && ` · this link expires ${formatDate(expiresAt)}`}
        </span>
      </header>
      {design.status === 'error' && <ErrorMessage error={design.error} onRetry={design.reload} />}
      {state === 'FAILED' && (
        <div className="alert error" role="alert">
          The run failed: {simulation.error ?? live?.error ?? 'no reason was given.'}
        </div>
      )}
      {state === 'CANCELLED' && <div className="alert warning">The run was cancelled; what it produced until then is below.</div>}
      {running && <div className="alert info">The run is still in progress ({Math.round((live?.progress ?? simulation.progress) * 100)} %); this page follows it.</div>}
      <div className="sim-overview">
        {simulation.summary ? (
          <div className="stack">
            <HypothesisVerdict hypothesis={simulation.configuration.hypothesis} summary={simulation.summary} />
            <HeadlineNumbers summary={simulation.summary} ci95={simulation.ci95} replications={simulation.result?.replications} />
          </div>
        ) : (
          <p className="muted">The headline numbers appear when the run completes.</p>
        )}
        <div className="sim-overview-row">
          <ConfigurationPanel simulation={simulation} nameOf={nameOf} />
          <ReportsPanel owner={{ kind: 'simulation', id: simulation.id }} canGenerate={false} shareToken={token} />
        </div>
      </div>
      <SimulationTabs available={TABS} active={tab} onSelect={(next) => setParams({ tab: next === 'dashboard' ? undefined : next })}>
        {simulation.telemetryExpiredAt ? (
          <TelemetryExpiredNotice expiredAt={simulation.telemetryExpiredAt} retentionDays={simulation.telemetryRetentionDays ?? null} />
        ) : tab === 'replay' ? (
          // The replay loads the design itself (the same load as this page's) and shares this page's run.
          <LiveSimulationProvider value={{ simulationId, live: liveSimulation }}>
            <ReplayView simulationId={simulation.id} />
          </LiveSimulationProvider>
        ) : design.status !== 'error' && !design.value ? (
          // Also for the render in which the design id has just become known (see simulation-page.tsx).
          <Loading label="Loading the design…" />
        ) : tab === 'dashboard' ? (
          <Dashboard key={simulation.id} simulation={simulation} components={components} running={running} />
        ) : tab === 'traces' ? (
          <TracesTab simulationId={simulation.id} components={components} canReplay />
        ) : (
          <LogsTab simulationId={simulation.id} components={components} running={running} canReplay />
        )}
      </SimulationTabs>
    </>
  );
}
