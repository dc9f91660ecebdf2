import { useMemo, useState, type ReactNode } from 'react';
import { FINAL_SIMULATION_STATES } from '@architech/contracts';
import { describeError } from '../api/api-error';
import { api } from '../api/endpoints';
import { simulationsApi } from '../api/simulations';
import { Link } from '../app/link';
import { useSearchParams } from '../app/router';
import { TopBar } from '../app/top-bar';
import { ConfigurationPanel } from '../simulation/configuration-panel';
import { Dashboard } from '../simulation/dashboard/dashboard';
import { HeadlineNumbers } from '../simulation/headline-numbers';
import { HypothesisVerdict } from '../simulation/hypothesis-verdict';
import { LogsTab } from '../simulation/logs/logs-tab';
import { formatNumber } from '../simulation/metric-format';
import { ProgressPanel } from '../simulation/progress-panel';
import { parseTab, SimulationTabs, type SimulationTabId } from '../simulation/simulation-tabs';
import { StatusBadge } from '../simulation/status-badge';
import { TracesTab } from '../simulation/traces/traces-tab';
import { setParams } from '../simulation/url-state';
import { useLiveSimulation } from '../simulation/use-live-simulation';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { toast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';
import '../simulation/simulation.css';

/** Props of {@link SimulationPage}. */
export interface SimulationPageProps {
  readonly projectId: string;
  readonly simulationId: string;
  /** The Replay tab's content; without it the page has no Replay tab. */
  readonly replay?: ReactNode;
}

/**
 * One simulation (`/projects/:projectId/simulations/:simulationId`): its state and live progress,
 * Cancel, configuration and headline numbers, then the Dashboard, Replay, Traces and Logs tabs
 * (`?tab=`). The page renders its own top bar and is as wide as the window, like the editor.
 */
export function SimulationPage({ projectId, simulationId, replay }: SimulationPageProps) {
  const { load, simulation, live, state } = useLiveSimulation(simulationId);
  const project = useAsync(() => api.getProject(projectId), [projectId]);
  const designId = simulation?.designId;
  const design = useAsync(() => (designId ? api.getDesign(designId) : Promise.resolve(undefined)), [designId]);
  const params = useSearchParams();
  const [cancelling, setCancelling] = useState(false);

  const components = useMemo(() => design.value?.components ?? [], [design.value]);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>(components.map((c) => [c.id, c.name || c.id]));
    return (id: string) => names.get(id) ?? id;
  }, [components]);
  const available: SimulationTabId[] = replay === undefined ? ['dashboard', 'traces', 'logs'] : ['dashboard', 'replay', 'traces', 'logs'];
  const tab = parseTab(params.get('tab'), available);

  const crumbs = (
    <TopBar>
      <Link href="/projects">Projects</Link>/<Link href={`/projects/${projectId}`}>{project.value?.name ?? 'Project'}</Link>/
      {design.value ? (
        <Link href={`/projects/${projectId}/designs/${design.value.id}`}>
          {design.value.name} <span className="badge">v{design.value.version}</span>
        </Link>
      ) : (
        <span>Design</span>
      )}
      /<strong>Simulation</strong>
    </TopBar>
  );

  if (!simulation) {
    return (
      <div className="app-shell">
        {crumbs}
        <main className="sim-page">{load.status === 'error' ? <ErrorMessage error={load.error} onRetry={load.reload} /> : <Loading label="Loading the simulation…" />}</main>
      </div>
    );
  }

  const running = state !== undefined && !FINAL_SIMULATION_STATES.has(state);
  const canCancel = running && project.value !== undefined && project.value.role !== 'viewer';
  const cancel = async () => {
    if (!window.confirm('Cancel this simulation? Its partial series, logs and traces stay, but it will have no summary.')) return;
    setCancelling(true);
    try {
      await simulationsApi.cancel(simulation.id);
      toast('Cancelling: the run stops within a second.');
    } catch (e) {
      toast(`Not cancelled: ${describeError(e)}`, 'error');
    } finally {
      setCancelling(false);
    }
  };

  return (
    <div className="app-shell">
      {crumbs}
      <main className="sim-page">
        <header className="sim-header">
          <h1>
            Simulation {state && <StatusBadge state={state} />}
          </h1>
          <span className="sim-meta">
            of{' '}
            {design.value ? (
              <Link href={`/projects/${projectId}/designs/${design.value.id}`}>
                {design.value.name} v{design.value.version}
              </Link>
            ) : (
              'the design'
            )}{' '}
            · launched {formatDate(simulation.createdAt)}
            {simulation.finishedAt && ` · finished ${formatDate(simulation.finishedAt)}`}
            {simulation.result && ` · ${formatNumber(simulation.result.events)} events in ${formatNumber(simulation.result.wallMs / 1000)} s of wall time`}
          </span>
          <span className="spacer" />
          {canCancel && (
            <button className="danger" onClick={() => void cancel()} disabled={cancelling}>
              {cancelling ? 'Cancelling…' : 'Cancel run'}
            </button>
          )}
        </header>
        {design.status === 'error' && <ErrorMessage error={design.error} onRetry={design.reload} />}
        {state === 'FAILED' && (
          <div className="alert error" role="alert">
            The run failed: {simulation.error ?? live?.error ?? 'no reason was given.'}
          </div>
        )}
        {state === 'CANCELLED' && <div className="alert warning">The run was cancelled; what it produced until then is below.</div>}
        {running && <ProgressPanel progress={simulation.progress} live={live} durationSec={simulation.configuration.durationSec} />}
        <div className="sim-overview">
          {simulation.summary ? (
            <div className="stack">
              <HypothesisVerdict hypothesis={simulation.configuration.hypothesis} summary={simulation.summary} />
              <HeadlineNumbers summary={simulation.summary} ci95={simulation.ci95} replications={simulation.result?.replications} />
            </div>
          ) : (
            <p className="muted">{running ? 'The headline numbers appear when the run completes; the dashboard fills live meanwhile.' : 'This run has no summary.'}</p>
          )}
          <ConfigurationPanel simulation={simulation} nameOf={nameOf} />
        </div>
        <SimulationTabs available={available} active={tab} onSelect={(next) => setParams({ tab: next === 'dashboard' ? undefined : next })}>
          {design.status === 'loading' && !design.value ? (
            <Loading label="Loading the design…" />
          ) : tab === 'dashboard' ? (
            <Dashboard key={simulation.id} simulation={simulation} components={components} running={running} />
          ) : tab === 'replay' ? (
            replay
          ) : tab === 'traces' ? (
            <TracesTab simulationId={simulation.id} components={components} canReplay={replay !== undefined} />
          ) : (
            <LogsTab simulationId={simulation.id} components={components} running={running} canReplay={replay !== undefined} />
          )}
        </SimulationTabs>
      </main>
    </div>
  );
}
