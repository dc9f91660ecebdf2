import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Component, SimulationDto } from '@architech/contracts';
import { MAX_SERIES_CELLS } from '@architech/sim-engine';
import { useSearchParams } from '../../app/router';
import { ErrorMessage } from '../../ui/feedback';
import { parseSeconds, secondsParam } from '../sim-time';
import { setParams } from '../url-state';
import { useSimTime } from '../use-sim-time';
import { alignSeries, findSeries, type Columns } from './align-series';
import { annotationsOf, type Annotation } from './annotations';
import { planDashboard, type ChartSpec, type DashboardComponent } from './chart-catalog';
import { DashboardToolbar } from './dashboard-toolbar';
import { TimeChart } from './time-chart';
import { useChartWidth } from './use-chart-width';
import { useMetricSeries, type SeriesAnswers } from './use-metric-series';
import { chartValues, wholeCrashWindows } from './chart-values';
import './dashboard.css';

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  readonly simulation: SimulationDto;
  /** The design version that ran: names and types of its components. */
  readonly components: readonly Component[];
  /** The run is in progress: series refresh every {@link LIVE_REFRESH_MS}. */
  readonly running: boolean;
}

/** How often the series of a run in progress are fetched again. */
export const LIVE_REFRESH_MS = 2000;

/** Share of the run the series must reach for a finished run's telemetry to count as complete. */
const TELEMETRY_COMPLETE_SHARE = 0.98;
/** After this long a finished run's telemetry is what it is; the dashboard stops waiting for more. */
const TELEMETRY_WAIT_MS = 120_000;

function settledLongAgo(finishedAt: string | null | undefined): boolean {
  return finishedAt ? Date.now() - Date.parse(finishedAt) > TELEMETRY_WAIT_MS : false;
}

/**
 * Grafana-like panels of a run's time series in simulated time: the component picker (`component`),
 * a zoom window (`from`/`to`: drag across any chart; Reset zoom), a time cursor shared by every
 * chart and the replay (`t`: hover to compare, click to pin), the warm-up and fault windows
 * shaded with labels. Refreshes live while the run goes on.
 */
export function Dashboard({ simulation, components, running }: DashboardProps) {
  const params = useSearchParams();
  const scope = params.get('component') ?? undefined;
  const fromSec = parseSeconds(params.get('from'));
  const toSec = parseSeconds(params.get('to'));
  const [t, setT] = useSimTime();
  const durationSec = simulation.configuration.durationSec;

  const grid = useRef<HTMLDivElement>(null);
  const chartWidth = useChartWidth(grid);

  const dashboardComponents = useMemo<DashboardComponent[]>(
    () => components.map((c) => ({ id: c.id, label: c.name || c.id, type: c.type, hasBreaker: c.type !== 'CLIENT' && c.type !== 'QUEUE' && c.properties.circuitBreaker !== undefined })),
    [components],
  );
  const nameOf = useMemo(() => {
    const names = new Map(dashboardComponents.map((c) => [c.id, c.label]));
    return (id: string) => names.get(id) ?? id;
  }, [dashboardComponents]);
  // Busiest first: where an SRE looks when there are more components than lines.
  const ranking = useMemo(() => (simulation.summary ? new Map(Object.entries(simulation.summary.components).map(([id, c]) => [id, c.utilization])) : undefined), [simulation.summary]);
  const plan = useMemo(() => planDashboard(dashboardComponents, scope, ranking), [dashboardComponents, scope, ranking]);
  const bucketSec = simulation.result?.settings.bucketSec ?? Math.max(1, Math.ceil((components.length * durationSec) / MAX_SERIES_CELLS));

  // A finished run's last telemetry batches land seconds after it turns final: until they have
  // (the simulation says `telemetryComplete`, or the series reach the end of the run), keep asking.
  const [arrived, setArrived] = useState<number>();
  const telemetryComplete = (simulation as { telemetryComplete?: boolean }).telemetryComplete;
  const receiving = !running && simulation.status === 'COMPLETED' && telemetryComplete !== true && (arrived === undefined || arrived < TELEMETRY_COMPLETE_SHARE) && !settledLongAgo(simulation.finishedAt);
  // Nothing is fetched before the charts' width is known: that width is the number of points.
  const series = useMetricSeries(simulation.id, plan.queries, chartWidth === undefined ? undefined : { fromSec, toSec, maxPoints: chartWidth }, running || receiving ? LIVE_REFRESH_MS : undefined);
  // The charts are built once the series request is on its way (this effect runs after the
  // request's, in the same commit): building nine uPlot charts holds the main thread for 0.1–0.8 s,
  // and the request — which needs the charts' width — would otherwise wait for it.
  const [chartsShown, setChartsShown] = useState(false);
  useEffect(() => {
    if (chartWidth !== undefined) setChartsShown(true);
  }, [chartWidth]);
  useEffect(() => {
    if (!series.answers) return;
    let last = -1;
    for (const list of series.answers.values()) for (const s of list) last = Math.max(last, s.points.at(-1)?.timeSec ?? -1);
    const windowEnd = toSec !== undefined && toSec > 0 ? Math.min(toSec, durationSec) : durationSec;
    setArrived(last < 0 ? 0 : Math.min(1, (last + bucketSec) / windowEnd));
  }, [series.answers, bucketSec, durationSec, toSec]);
  const annotations = useMemo(() => annotationsOf(simulation, nameOf), [simulation, nameOf]);
  const downWindows = useMemo(() => wholeCrashWindows(simulation), [simulation]);
  const start = fromSec ?? 0;
  const end = toSec !== undefined && toSec > start ? toSec : durationSec;
  const xRange = useMemo(() => [start, end] as const, [start, end]);

  const zoom = useCallback((from: number | undefined, to: number | undefined) => {
    setParams({ from: from === undefined ? undefined : secondsParam(from), to: to === undefined ? undefined : secondsParam(to) });
  }, []);
  const pick = useCallback((sec: number | undefined) => setT(sec, { push: true }), [setT]);

  const empty = series.answers !== undefined && series.answers.size > 0 && [...series.answers.values()].every((list) => list.every((s) => s.points.length === 0));
  // "Stored no time series" is a verdict on a finished run: never on answers fetched while it ran
  // (they are empty for a run with replications), only once it has been asked again since.
  const inProgress = running || simulation.status === 'PENDING';
  return (
    <div className="dashboard stack">
      <DashboardToolbar
        components={dashboardComponents}
        scope={dashboardComponents.some((c) => c.id === scope) ? scope : undefined}
        onScope={(id) => setParams({ component: id })}
        fromSec={fromSec}
        toSec={toSec}
        durationSec={durationSec}
        onRange={zoom}
        t={t}
        onTime={pick}
        live={running}
        refreshing={series.loading && !running}
      />
      {plan.hiddenCount > 0 && (
        <p className="muted dashboard-note">
          The “by component” charts show the {plan.shown.length} busiest components; {plan.hiddenCount} more are left out. Pick one above to see it alone.
        </p>
      )}
      {series.error !== undefined && <ErrorMessage error={series.error} onRetry={series.retry} />}
      {receiving && arrived !== undefined && (
        <p className="alert info row" role="status" aria-label="Telemetry">
          <span className="spinner" aria-hidden="true" /> Receiving telemetry: {Math.floor(arrived * 100)} % of the run has arrived; the charts fill as it lands.
        </p>
      )}
      {empty && !receiving && (inProgress || series.answeredLive === false) && (
        <p className="alert info" role="status">
          {inProgress ? 'Waiting for the first simulated seconds of the run…' : 'This run stored no time series.'}
        </p>
      )}
      <div className="chart-grid" ref={grid}>
        {chartsShown &&
          plan.charts.map((spec) => (
            <ChartPanel
              key={spec.id}
              spec={spec}
              answers={series.answers}
              bucketSec={bucketSec}
              xRange={xRange}
              annotations={annotations}
              downWindows={downWindows}
              marker={t}
              syncKey={`simulation-${simulation.id}`}
              onZoom={zoom}
              onPick={pick}
            />
          ))}
      </div>
    </div>
  );
}

interface ChartPanelProps {
  readonly spec: ChartSpec;
  readonly answers: SeriesAnswers | undefined;
  readonly bucketSec: number;
  readonly xRange: readonly [number, number];
  readonly annotations: readonly Annotation[];
  /** Per component, the windows in which a crash took every replica down. */
  readonly downWindows: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  readonly marker: number | undefined;
  readonly syncKey: string;
  readonly onZoom: (fromSec: number, toSec: number) => void;
  readonly onPick: (sec: number) => void;
}

/** One chart fed from the shared answers; memoised so a new time cursor does not realign data. */
const ChartPanel = memo(function ChartPanel({ spec, answers, bucketSec, downWindows, ...rest }: ChartPanelProps) {
  const columns = useMemo<Columns | undefined>(() => {
    if (!answers) return undefined;
    const aligned = alignSeries(
      spec.lines.map((line) => findSeries(answers, line.metric, line.componentId)?.points),
      spec.lines.map((line) => (line.perSecond ? 1 / bucketSec : 1)),
    );
    return chartValues(aligned, spec, downWindows);
  }, [spec, answers, bucketSec, downWindows]);
  return <TimeChart title={spec.title} unit={spec.unit} yRange={spec.yRange} lines={spec.lines} columns={columns} {...rest} />;
});
