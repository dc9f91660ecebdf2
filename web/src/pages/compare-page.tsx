import { useMemo } from 'react';
import type { DesignVersionDto, SimulationDto } from '@architech/contracts';
import { api } from '../api/endpoints';
import { simulationsApi } from '../api/simulations';
import { Link } from '../app/link';
import { useSearchParams } from '../app/router';
import { TopBar } from '../app/top-bar';
import { CompareCharts } from '../simulation/compare/compare-charts';
import { compareRows } from '../simulation/compare/compare-rows';
import { CompareTable } from '../simulation/compare/compare-table';
import { CostDelta } from '../simulation/cost/cost-delta';
import { StatusBadge } from '../simulation/status-badge';
import { setParams } from '../simulation/url-state';
import { EmptyState, ErrorMessage, Loading } from '../ui/feedback';
import { formatDate } from '../ui/format';
import { useAsync } from '../ui/use-async';
import '../simulation/simulation.css';
import '../simulation/compare/compare.css';

/** A simulation with the design version it ran. */
interface Run {
  readonly simulation: SimulationDto;
  readonly design: DesignVersionDto | undefined;
}

async function loadRun(id: string, signal: AbortSignal): Promise<Run> {
  const simulation = await simulationsApi.get(id, signal);
  // The design only names things; a run whose design cannot be read still compares.
  const design = await api.getDesign(simulation.designId).catch(() => undefined);
  return { simulation, design };
}

/**
 * Two simulations side by side (`/projects/:projectId/compare?a=<id>&b=<id>`): every headline
 * metric with B − A coloured better or worse, and their end-to-end p99 latency and error rate
 * overlaid over simulated time. The page renders its own top bar, like the simulation page.
 */
export function ComparePage({ projectId }: { projectId: string }) {
  const params = useSearchParams();
  const idA = params.get('a') ?? undefined;
  const idB = params.get('b') ?? undefined;
  const project = useAsync(() => api.getProject(projectId), [projectId]);
  const runs = useAsync((signal) => (idA && idB ? Promise.all([loadRun(idA, signal), loadRun(idB, signal)]) : Promise.resolve(undefined)), [idA, idB]);

  const crumbs = (
    <TopBar>
      <Link href="/projects">Projects</Link>/
      {project.value ? (
        <>
          <Link href={`/projects/${projectId}`}>{project.value.name}</Link>/
        </>
      ) : null}
      <strong>Compare simulations</strong>
    </TopBar>
  );
  const body = () => {
    if (!idA || !idB)
      return (
        <EmptyState title="Pick two simulations to compare">
          <p className="muted">Open a design, tick two runs in its list of simulations and choose Compare.</p>
        </EmptyState>
      );
    if (runs.status === 'error') return <ErrorMessage error={runs.error} onRetry={runs.reload} />;
    if (!runs.value || runs.status === 'loading') return <Loading label="Loading both simulations…" />;
    return <Comparison projectId={projectId} a={runs.value[0]} b={runs.value[1]} />;
  };
  return (
    <div className="app-shell">
      {crumbs}
      <main className="sim-page">{body()}</main>
    </div>
  );
}

function Comparison({ projectId, a, b }: { projectId: string; a: Run; b: Run }) {
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const run of [b, a]) for (const c of run.design?.components ?? []) names.set(c.id, c.name || c.id);
    return (id: string) => names.get(id) ?? id;
  }, [a, b]);
  const sa = a.simulation;
  const sb = b.simulation;
  const rows = useMemo(() => (sa.summary && sb.summary ? compareRows(sa.summary, sb.summary, sa.ci95, sb.ci95, nameOf) : undefined), [sa, sb, nameOf]);
  const label = (run: Run) => (run.design ? `${run.design.name} v${run.design.version}` : 'design');
  return (
    <div className="stack">
      <h1>Compare simulations</h1>
      <div className="compare-runs">
        <RunCard letter="A" className="a" run={a} projectId={projectId} />
        <button onClick={() => setParams({ a: sb.id, b: sa.id }, { replace: true })} aria-label="Swap A and B" title="Swap A and B" style={{ alignSelf: 'center' }}>
          ⇄
        </button>
        <RunCard letter="B" className="b" run={b} projectId={projectId} />
      </div>
      <CostDelta a={sa.cost} b={sb.cost} nameOf={nameOf} />
      {rows ? (
        <section className="card stack" aria-labelledby="compare-table-title">
          <h2 id="compare-table-title">Headline metrics</h2>
          <p className="muted compare-legend">
            After warm-up; latencies of successful requests. <span className="better">Green</span>: B is better, <span className="worse">red</span>: B is worse; grey: within the
            95% confidence intervals (with replications), so possibly chance, or (without) a change under 1%.
          </p>
          <CompareTable rows={rows} labelA={label(a)} labelB={label(b)} />
        </section>
      ) : (
        <div className="alert warning">Both runs must have completed to compare their summaries; the series below show what they produced so far.</div>
      )}
      <CompareCharts a={sa} b={sb} />
    </div>
  );
}

function RunCard({ letter, className, run, projectId }: { letter: string; className: string; run: Run; projectId: string }) {
  const { simulation: s, design } = run;
  return (
    <div className={`card compare-run ${className}`}>
      <div className="row">
        <span className="run-letter">{letter}</span>
        <Link href={`/projects/${encodeURIComponent(projectId)}/simulations/${encodeURIComponent(s.id)}`}>{formatDate(s.createdAt)}</Link>
        <StatusBadge state={s.status} />
      </div>
      <span className="muted">
        {design ? (
          <Link href={`/projects/${encodeURIComponent(projectId)}/designs/${encodeURIComponent(design.id)}`}>
            {design.name} v{design.version}
          </Link>
        ) : (
          'design not readable'
        )}{' '}
        · {s.configuration.durationSec} s · seed {s.configuration.seed} · {s.configuration.replications} replication{s.configuration.replications === 1 ? '' : 's'} ·{' '}
        {s.configuration.faults.length === 0 ? 'no faults' : `${s.configuration.faults.length} fault${s.configuration.faults.length === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}
