import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatValue, type Unit } from '../metric-format';
import { formatSimTime } from '../sim-time';
import { annotationPlugin } from './annotation-plugin';
import type { Columns } from './align-series';
import type { Annotation } from './annotations';
import type { ChartLine, YRange } from './chart-catalog';
import { noteChartBuilt, noteDataDrawn } from './dashboard-test-hook';

/** Props of {@link TimeChart}. */
export interface TimeChartProps {
  readonly title: string;
  readonly unit: Unit;
  readonly yRange: YRange;
  readonly lines: readonly ChartLine[];
  /** `undefined` while the first answer is on its way. */
  readonly columns: Columns | undefined;
  /** The visible window, simulated seconds. */
  readonly xRange: readonly [number, number];
  readonly annotations: readonly Annotation[];
  /** The shared time (URL `t`), drawn as a line; the legend shows its values when the pointer is away. */
  readonly marker: number | undefined;
  /** Charts with the same key share their cursor. */
  readonly syncKey: string;
  /** A drag across the chart selected this window. */
  readonly onZoom: (fromSec: number, toSec: number) => void;
  /** A click on the chart picked this time. */
  readonly onPick: (sec: number) => void;
  readonly height?: number;
}

/** Tick steps for whole quantities (replicas, breaker states). */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const SECONDS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const AXIS = { stroke: '#5d6878', grid: { stroke: '#eceff3', width: 1 }, ticks: { stroke: '#d9dde3', width: 1 } };

/**
 * One uPlot time-series chart. The chart is built once per set of lines and then only fed:
 * new data through `setData`, a new window through `setScale`, new annotations or marker through
 * a redraw, a new container width through `setSize` — so twelve charts of thousands of points
 * refresh every two seconds without rebuilding anything.
 */
export function TimeChart(props: TimeChartProps) {
  const { title, unit, yRange, lines, columns, xRange, annotations, marker, syncKey, height = 220 } = props;
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  // Hooks of the chart read the newest props through this ref: the chart outlives renders.
  const latest = useRef(props);
  latest.current = props;
  // Data given to the chart and not drawn yet (the test hook reports when it has been).
  const fresh = useRef(false);

  // Rebuild only when what the lines are changes, not when their data does.
  const signature = useMemo(() => JSON.stringify([unit, yRange, syncKey, height, lines.map((l) => [l.label, l.color, l.dash, l.metric, l.componentId])]), [unit, yRange, syncKey, height, lines]);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const current = latest.current;
    const format = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatValue(v, current.unit));
    const options: uPlot.Options = {
      width: Math.max(200, root.clientWidth),
      height: current.height ?? 220,
      legend: { live: true },
      cursor: {
        sync: { key: current.syncKey, setSeries: false, scales: ['x', null] },
        drag: { x: true, y: false, setScale: false },
        points: { size: 6 },
        focus: { prox: -1 },
      },
      select: { show: true, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [latest.current.xRange[0], latest.current.xRange[1]] },
        y: { range: yRangeOf(current.yRange) },
      },
      axes: [
        { ...AXIS, label: 'simulated time (s)', labelSize: 18, labelFont: '12px system-ui, sans-serif', font: '11px system-ui, sans-serif' },
        {
          ...AXIS,
          size: 64,
          font: '11px system-ui, sans-serif',
          values: (_u, splits) => splits.map((v) => axisValue(v, current.unit)),
          ...(current.yRange === 'breaker' || current.yRange === 'whole-from-zero' ? { incrs: WHOLE_STEPS } : {}),
        },
      ],
      series: [
        { label: 'simulated time', value: (_u, v) => (v === null || v === undefined ? '–' : `${SECONDS.format(v)} s (${formatSimTime(v)})`) },
        ...current.lines.map((line) => ({ label: line.label, stroke: line.color, width: 1.5, ...(line.dash ? { dash: [...line.dash] } : {}), points: { show: false }, value: (_u: uPlot, v: number | null) => format(v) })),
      ],
      plugins: [annotationPlugin(() => ({ annotations: latest.current.annotations, marker: latest.current.marker }))],
      hooks: {
        setSelect: [
          (u) => {
            const { left, width } = u.select;
            if (width < 3) return;
            const from = u.posToVal(left, 'x');
            const to = u.posToVal(left + width, 'x');
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            latest.current.onZoom(Math.max(0, from), to);
          },
        ],
        setCursor: [(u) => showMarkerValues(u, latest.current.marker)],
        draw: [
          () => {
            if (!fresh.current) return;
            fresh.current = false;
            if (import.meta.env.MODE === 'test-hooks') noteDataDrawn();
          },
        ],
      },
    };
    const empty: uPlot.AlignedData = [[], ...current.lines.map(() => [])];
    fresh.current = current.columns !== undefined;
    const chart = new uPlot(options, (current.columns as uPlot.AlignedData | undefined) ?? empty, root);
    plot.current = chart;
    if (import.meta.env.MODE === 'test-hooks') noteChartBuilt();
    // A click (not the end of a drag, which zooms) picks the shared time.
    let downX = Number.NaN;
    const onDown = (event: MouseEvent) => {
      downX = event.clientX;
    };
    const onClick = (event: MouseEvent) => {
      const left = chart.cursor.left;
      if (Math.abs(event.clientX - downX) < 3 && left !== undefined && left >= 0) latest.current.onPick(Math.max(0, chart.posToVal(left, 'x')));
    };
    // Capture phase on the root: uPlot's own handlers on `over` may stop the event first.
    chart.root.addEventListener('mousedown', onDown, true);
    chart.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() => {
      const width = Math.max(200, root.clientWidth);
      if (width !== chart.width) chart.setSize({ width, height: latest.current.height ?? 220 });
    });
    resize.observe(root);
    return () => {
      resize.disconnect();
      chart.root.removeEventListener('mousedown', onDown, true);
      chart.over.removeEventListener('click', onClick);
      chart.destroy();
      plot.current = undefined;
    };
    // Built from `latest` (the props of this render): `signature` says when they differ in substance.
  }, [signature]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart || !columns) return;
    fresh.current = true;
    chart.setData(columns as uPlot.AlignedData);
    showMarkerValues(chart, latest.current.marker);
  }, [columns, signature]);

  useEffect(() => {
    plot.current?.setScale('x', { min: xRange[0], max: xRange[1] });
  }, [xRange, signature]);

  useEffect(() => {
    const chart = plot.current;
    if (!chart) return;
    chart.redraw(false, false);
    showMarkerValues(chart, marker);
  }, [annotations, marker, signature]);

  return (
    <figure className="time-chart" aria-label={`${title}: chart over simulated time`}>
      <figcaption className="time-chart-title">{title}</figcaption>
      <div ref={container} className="time-chart-plot" />
      {/* The shaded windows are drawn on the canvas; this says the same in words for screen readers. */}
      <ul className="sr-only" aria-label="Marked time windows">
        {annotations.map((a) => (
          <li key={`${a.kind}-${a.label}-${a.startSec}`}>
            {a.label}: {a.startSec}–{a.endSec} s
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Away from the chart, the legend reads the values at the shared time instead of going blank. */
function showMarkerValues(chart: uPlot, marker: number | undefined): void {
  const pointerAway = chart.cursor.left === undefined || chart.cursor.left < 0;
  if (marker !== undefined && pointerAway && chart.data[0].length > 0) chart.setLegend({ idx: chart.valToIdx(marker) }, false);
}

function yRangeOf(kind: YRange): uPlot.Scale.Range {
  if (kind === 'ratio') return () => [0, 1];
  if (kind === 'breaker') return () => [0, 2.2];
  return (_u, _min, max) => {
    const top = max === null || !Number.isFinite(max) || max <= 0 ? 1 : uPlot.rangeNum(0, max, 0.1, true)[1]!;
    return [0, top];
  };
}

/** Axis ticks: short, unit-aware. */
function axisValue(v: number, unit: Unit): string {
  if (unit === 'ratio') return `${Math.round(v * 100)}%`;
  if (unit === 'ms') return v >= 1000 ? `${+(v / 1000).toFixed(2)} s` : `${+v.toFixed(2)} ms`;
  const n = Math.abs(v) >= 1000 ? `${+(v / 1000).toFixed(1)}k` : String(+v.toFixed(2));
  return unit === 'rate' ? `${n}/s` : n;
}
