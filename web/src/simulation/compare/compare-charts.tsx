import { useMemo, useRef, useState } from 'react';
import { END_TO_END, type SimulationDto } from '@architech/contracts';
import { ErrorMessage } from '../../ui/feedback';
import { alignSeries, findSeries } from '../dashboard/align-series';
import type { ChartLine, SeriesQuery } from '../dashboard/chart-catalog';
import { TimeChart } from '../dashboard/time-chart';
import { useChartWidth } from '../dashboard/use-chart-width';
import { useMetricSeries, type SeriesAnswers } from '../dashboard/use-metric-series';
import { errorRateSeries } from './error-rate-series';
import '../dashboard/dashboard.css';

const QUERIES: readonly SeriesQuery[] = [
  { metric: 'latencyP99', component: END_TO_END },
  { metric: 'errors', component: END_TO_END },
  { metric: 'completions', component: END_TO_END },
];
const COLOR = { a: '#2563eb', b: '#e8710a' };
const line = (label: string, color: string, metric: ChartLine['metric']): ChartLine => ({ label, color, metric, componentId: END_TO_END });
const P99_LINES = [line('A', COLOR.a, 'latencyP99'), line('B', COLOR.b, 'latencyP99')];
const ERROR_LINES = [line('A', COLOR.a, 'errors'), line('B', COLOR.b, 'errors')];
const NO_ANNOTATIONS: never[] = [];

/**
 * A's and B's end-to-end p99 latency and error rate over simulated time, overlaid; drag to zoom
 * both, click to pin a time.
 */
export function CompareCharts({ a, b }: { a: SimulationDto; b: SimulationDto }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box);
  const [zoom, setZoom] = useState<readonly [number, number]>();
  const [marker, setMarker] = useState<number>();
  const range = width === undefined ? undefined : { fromSec: zoom?.[0], toSec: zoom?.[1], maxPoints: width };
  const seriesA = useMetricSeries(a.id, QUERIES, range, undefined);
  const seriesB = useMetricSeries(b.id, QUERIES, range, undefined);
  const xRange = useMemo(() => zoom ?? ([0, Math.max(a.configuration.durationSec, b.configuration.durationSec)] as const), [zoom, a.configuration.durationSec, b.configuration.durationSec]);

  const p99 = useMemo(() => {
    if (!seriesA.answers || !seriesB.answers) return undefined;
    return alignSeries([findSeries(seriesA.answers, 'latencyP99', END_TO_END)?.points, findSeries(seriesB.answers, 'latencyP99', END_TO_END)?.points]);
  }, [seriesA.answers, seriesB.answers]);
  const errorRate = useMemo(() => {
    const rate = (answers: SeriesAnswers) => errorRateSeries(findSeries(answers, 'errors', END_TO_END)?.points, findSeries(answers, 'completions', END_TO_END)?.points);
    if (!seriesA.answers || !seriesB.answers) return undefined;
    return alignSeries([rate(seriesA.answers), rate(seriesB.answers)]);
  }, [seriesA.answers, seriesB.answers]);

  const common = {
    xRange,
    annotations: NO_ANNOTATIONS,
    marker,
    syncKey: `compare-${a.id}-${b.id}`,
    onZoom: (from: number, to: number) => setZoom([from, to]),
    onPick: setMarker,
  };
  return (
    <section className="stack" aria-labelledby="compare-charts-title">
      <div className="row">
        <h2 id="compare-charts-title">End to end over simulated time</h2>
        <span className="spacer" />
        <button onClick={() => setZoom(undefined)} disabled={!zoom}>
          Reset zoom
        </button>
      </div>
      {seriesA.error !== undefined && <ErrorMessage error={seriesA.error} onRetry={seriesA.retry} />}
      {seriesB.error !== undefined && <ErrorMessage error={seriesB.error} onRetry={seriesB.retry} />}
      <div className="chart-grid" ref={box}>
        <TimeChart title="Latency p99 — A vs B" unit="ms" yRange="from-zero" lines={P99_LINES} columns={p99} {...common} />
        <TimeChart title="Error rate — A vs B" unit="ratio" yRange="from-zero" lines={ERROR_LINES} columns={errorRate} {...common} />
      </div>
    </section>
  );
}
