import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FINAL_SIMULATION_STATES } from '@architech/contracts';
import { describeError } from '../api/api-error';
import { api } from '../api/endpoints';
import { simulationsApi } from '../api/simulations';
import { Link } from '../app/link';
import { useSearchParams } from '../app/router';
import { TopBar } from '../app/top-bar';
import { ConfigurationPanel } from '../simulation/configuration-panel';
import { Dashboard } from '../simulation/dashboard/dashboard';
import { TelemetryExpiredNotice } from '../simulation/dashboard/telemetry-expired-notice';
import { HeadlineNumbers } from '../simulation/headline-numbers';
import { HypothesisVerdict } from '../simulation/hypothesis-verdict';
import { LogsTab } from '../simulation/logs/logs-tab';
import { formatNumber } from '../simulation/metric-format';
import { ProgressPanel } from '../simulation/progress-panel';
import { ReportsPanel } from '../simulation/reports-panel';
import { parseTab, SimulationTabs, type SimulationTabId } from '../simulation/simulation-tabs';
import { RunCost } from '../simulation/cost/run-cost';
import { memberDesign } from '../simulation/run-source';
import { ShareDialog } from '../simulation/share/share-dialog';
import { StatusBadge } from '../simulation/status-badge';
import { TracesTab } from '../simulation/traces/traces-tab';
import { setParams } from '../simulation/url-state';
import { LiveSimulationProvider, useLiveSimulation } from '../simulation/use-live-simulation';
import { ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { toast } from '../ui/toasts';
import { useConfirm } from '../ui/confirm';
import { useAsync } from '../ui/use-async';
import '../simulation/simulation.css';

/** How often the page asks for the run's state after a cancel, until it is final. */
const STOP_POLL_MS = 500;

/** Props of {@link SimulationPage}. */
/** How often a waiting run asks for its place in the queue. */
const QUEUE_POLL_MS = 2000;

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
  const liveSimulation = useLiveSimulation(simulationId);
  const { load, simulation, live, state } = liveSimulation;
  const project = useAsync(() => api.getProject(projectId), [projectId]);
  const designId = simulation?.designId;
  const design = useAsync(() => (designId ? memberDesign(designId) : Promise.resolve(undefined)), [designId]);
  const params = useSearchParams();
  const [cancelling, setCancelling] = useState(false);
  const [sharing, setSharing] = useState(false);
  /** When the user asked to stop (ms, performance clock); the page then asks the API until the run is final. */
  const [stopAskedAt, setStopAskedAt] = useState<number>();
  const confirm = useConfirm<'cancel' | 'keep'>();
  const finalState = state !== undefined && FINAL_SIMULATION_STATES.has(state);
  const { reload } = load;
  useEffect(() => {
    if (stopAskedAt === undefined) return;
    if (finalState) {
      const seconds = (performance.now() - stopAskedAt) / 1000;
      toast(state === 'CANCELLED' ? `Cancelled: the run stopped ${seconds.toFixed(1)} s after you asked.` : `The run ended (${state?.toLowerCase()}) before the cancel took effect.`);
      setStopAskedAt(undefined);
      return;
    }
    // The stream reports the end too; asking every half second makes the page show it at once.
    const timer = window.setInterval(reload, STOP_POLL_MS);
    return () => window.clearInterval(timer);
  }, [stopAskedAt, finalState, state, reload]);

  // The live stream carries status, not the queue: while the run waits, its place is asked for.
  const waitingForEngine = state === 'PENDING';
  useEffect(() => {
    if (!waitingForEngine) return;
    const timer = window.setInterval(reload, QUEUE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [waitingForEngine, reload]);

  const components = useMemo(() => design.value?.components ?? [], [design.value]);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>(components.map((c) => [c.id, c.name || c.id]));
    return (id: string) => names.get(id) ?? id;
  }, [components]);
  const available: SimulationTabId[] = replay === undefined ? ['dashboard', 'traces', 'logs'] : ['dashboard', 'replay', 'traces', 'logs'];
  const tab = parseTab(params.get('tab'), available);

  const crumbs = (
    <TopBar>
      <Link href="/projects">Projects</Link>/
      {project.value ? (
        <>
          <Link href={`/projects/${projectId}`}>{project.value.name}</Link>/
        </>
      ) : project.status === 'loading' ? (
        <>
          <span className="muted">…</span>/
        </>
      ) : null}
      {design.value ? (
        <>
          <Link href={`/projects/${projectId}/designs/${design.value.id}`}>
            {design.value.name} <span className="badge">v{design.value.version}</span>
          </Link>
          /
        </>
      ) : null}
      <strong>Simulation</strong>
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
  const canEdit = project.value !== undefined && project.value.role !== 'viewer';
  const canCancel = running && canEdit;
  const cancel = async () => {
    const answer = await confirm.ask({
      title: 'Cancel this simulation?',
      body: <p>Its partial series, logs and traces stay, but it will have no summary.</p>,
      choices: [
        { value: 'cancel', label: 'Cancel the run', tone: 'danger' },
        { value: 'keep', label: 'Keep it running' },
      ],
    });
    if (answer !== 'cancel') return;
    setCancelling(true);
    try {
      const asked = performance.now();
      await simulationsApi.cancel(simulation.id);
      setStopAskedAt(asked);
      reload();
    } catch (e) {
      toast(`Not cancelled: ${describeError(e)}`, 'error');
    } finally {
      setCancelling(false);
    }
  };

  return (
    // The replay follows the same run: it shares this page's load and live stream.
    <LiveSimulationProvider value={{ simulationId, live: liveSimulation }}>
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
            {canEdit && <button onClick={() => setSharing(true)}>Share</button>}
            {canCancel && (
              <button className="danger" onClick={() => void cancel()} disabled={cancelling || stopAskedAt !== undefined}>
                {cancelling || stopAskedAt !== undefined ? 'Stopping…' : 'Cancel run'}
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
          {running && <ProgressPanel progress={simulation.progress} live={live} durationSec={simulation.configuration.durationSec} queuePosition={simulation.queuePosition} />}
          <div className="sim-overview">
            {simulation.summary ? (
              <div className="stack">
                <HypothesisVerdict hypothesis={simulation.configuration.hypothesis} summary={simulation.summary} />
                <HeadlineNumbers summary={simulation.summary} ci95={simulation.ci95} replications={simulation.result?.replications} />
                {simulation.cost && <RunCost cost={simulation.cost} nameOf={nameOf} />}
              </div>
            ) : (
              <SummaryPending state={state} progress={live?.progress ?? simulation.progress} replications={live?.replications ?? simulation.configuration.replications} />
            )}
            {/* One line while both are closed, so the tabs stay in view. */}
            <div className="sim-overview-row">
              <ConfigurationPanel simulation={simulation} nameOf={nameOf} />
              <ReportsPanel owner={{ kind: 'simulation', id: simulation.id }} notReady={state === 'COMPLETED' ? undefined : 'Reports can be made once the run has completed.'} canGenerate={project.value !== undefined && project.value.role !== 'viewer'} />
            </div>
          </div>
          <SimulationTabs available={available} active={tab} onSelect={(next) => setParams({ tab: next === 'dashboard' ? undefined : next })}>
            {simulation.telemetryExpiredAt ? (
              // Charts, replay, traces and logs all read the telemetry retention deleted.
              <TelemetryExpiredNotice expiredAt={simulation.telemetryExpiredAt} retentionDays={simulation.telemetryRetentionDays ?? null} />
            ) : tab === 'replay' ? (
              // The replay loads the design itself (the same load as this page's) and asks for its
              // series without waiting for it. Its code may still be loading: only the tab waits.
              <Suspense fallback={<Loading label="Loading the replay…" />}>{replay}</Suspense>
            ) : design.status !== 'error' && !design.value ? (
              // Also for the render in which the design id has just become known: the load's state
              // is still that of the empty load before.
              <Loading label="Loading the design…" />
            ) : tab === 'dashboard' ? (
              <Dashboard key={simulation.id} simulation={simulation} components={components} running={running} />
            ) : tab === 'traces' ? (
              <TracesTab simulationId={simulation.id} components={components} canReplay={replay !== undefined} />
            ) : (
              <LogsTab simulationId={simulation.id} components={components} running={running} canReplay={replay !== undefined} />
            )}
          </SimulationTabs>
        </main>
        {confirm.dialog}
        {canEdit && <ShareDialog simulationId={simulation.id} open={sharing} onClose={() => setSharing(false)} />}
      </div>
    </LiveSimulationProvider>
  );
}

/**
 * What stands in for the verdict and headline numbers until they exist — never a claim that there
 * is nothing: the run is going, its summary is being computed (after 100 %, replications are
 * merged and the CI computed), the summary is on its way, or the run ended without one.
 */
function SummaryPending({ state, progress, replications }: { state: string | undefined; progress: number; replications: number | undefined }) {
  if (state === 'CANCELLED') return <p className="muted">The run was cancelled before its summary was computed.</p>;
  if (state === 'FAILED') return <p className="muted">The run failed before its summary was computed.</p>;
  const text =
    state === 'COMPLETED'
      ? 'Loading the summary…'
      : progress >= 1
        ? `Computing the summary${replications && replications > 1 ? ` of ${replications} replications` : ''}…`
        : 'The headline numbers appear when the run completes; the dashboard fills live meanwhile.';
  return (
    <p className="muted row" role="status" aria-label="Summary">
      {(state === 'COMPLETED' || progress >= 1) && <span className="spinner" aria-hidden="true" />} {text}
    </p>
  );
}
