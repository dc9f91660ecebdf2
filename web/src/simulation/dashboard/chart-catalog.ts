import { END_TO_END, type ComponentType, type MetricName } from '@architech/contracts';
import type { Unit } from '../metric-format';

/** What the dashboard needs to know of a design's component. */
export interface DashboardComponent {
  readonly id: string;
  /** The name on the canvas, else the id. */
  readonly label: string;
  readonly type: ComponentType;
  readonly hasBreaker: boolean;
}

/** One metric of one component, or of all (`component` undefined); requests batch these per metric (`batchQueries`, metric-batches.ts). */
export interface SeriesQuery {
  readonly metric: MetricName;
  readonly component?: string;
}

/** One line of a chart. */
export interface ChartLine {
  readonly label: string;
  readonly metric: MetricName;
  /** A component id or `END_TO_END`. */
  readonly componentId: string;
  readonly color: string;
  readonly dash?: readonly number[];
  /** Counts per bucket are divided by the bucket width to read per second. */
  readonly perSecond?: boolean;
}

/** How a chart's y axis is ranged: from 0 to the data, 0–100 %, the breaker's three states, or whole numbers from 0. */
export type YRange = 'from-zero' | 'ratio' | 'breaker' | 'whole-from-zero';

/** Dash patterns cycled over the lines of a "by component" chart (solid first). */
const LINE_DASHES: readonly (readonly number[] | undefined)[] = [undefined, [7, 4], [2, 3], [10, 3, 2, 3]];

/** One chart of the dashboard. */
export interface ChartSpec {
  /** Stable across refreshes; a different id means a different chart. */
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly yRange: YRange;
  readonly lines: readonly ChartLine[];
}

/** The charts for a scope and the requests that feed them. */
export interface DashboardPlan {
  readonly charts: readonly ChartSpec[];
  readonly queries: readonly SeriesQuery[];
  /** Components drawn one line each on the "by component" charts. */
  readonly shown: readonly DashboardComponent[];
  /** Components left out of those charts (there is a line budget). */
  readonly hiddenCount: number;
}

/** Lines per "by component" chart: beyond this a chart is a tangle and the API answer heavy. */
export const MAX_COMPONENT_LINES = 10;

/** Colour-blind-safe categorical palette (Tableau 10), in order of assignment. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const QUANTILE = { p50: '#59a14f', p95: '#f28e2b', p99: '#e15759' };
const FAILURE = { errors: '#d62728', drops: '#ff7f0e', timeouts: '#9467bd' };
const LOAD = { arrivals: '#9aa5b1', throughput: '#2563eb', reference: '#5d6878' };

const STATIONS: ReadonlySet<ComponentType> = new Set(['SERVICE', 'DATABASE', 'CACHE']);
const QUEUEING: ReadonlySet<ComponentType> = new Set(['SERVICE', 'DATABASE', 'CACHE', 'QUEUE']);
const SERVING: ReadonlySet<ComponentType> = new Set(['LOAD_BALANCER', 'SERVICE', 'DATABASE', 'CACHE', 'QUEUE']);

/** A stable colour per component: its index in the design. */
export function componentColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/**
 * The dashboard for a scope: the end-to-end view (`scope` undefined) with "by component" charts,
 * or one component in detail. `ranking` orders components for the line budget (busiest first);
 * without it the design order is kept.
 */
export function planDashboard(components: readonly DashboardComponent[], scope: string | undefined, ranking?: ReadonlyMap<string, number>): DashboardPlan {
  const color = new Map(components.map((c, i) => [c.id, componentColor(i)]));
  const picked = scope === undefined ? undefined : components.find((c) => c.id === scope);
  const subject = picked?.id ?? END_TO_END;
  const charts: ChartSpec[] = [
    {
      id: 'load',
      title: picked ? `Load and throughput — ${picked.label}` : 'Load and throughput — end to end',
      unit: 'rate',
      yRange: 'from-zero',
      lines: [
        { label: 'arrivals', metric: 'arrivals', componentId: subject, color: LOAD.arrivals, perSecond: true },
        // Dashed: with nothing failing, throughput equals arrivals and would hide under it.
        { label: 'throughput', metric: 'throughput', componentId: subject, color: LOAD.throughput, dash: [7, 4] },
        ...(picked ? [{ label: 'end-to-end throughput', metric: 'throughput' as const, componentId: END_TO_END, color: LOAD.reference, dash: [4, 4] }] : []),
      ],
    },
    {
      id: 'latency',
      title: `Latency — ${picked ? picked.label : 'end to end'}`,
      unit: 'ms',
      yRange: 'from-zero',
      lines: [
        { label: 'p50', metric: 'latencyP50', componentId: subject, color: QUANTILE.p50 },
        { label: 'p95', metric: 'latencyP95', componentId: subject, color: QUANTILE.p95 },
        { label: 'p99', metric: 'latencyP99', componentId: subject, color: QUANTILE.p99 },
      ],
    },
    {
      id: 'failures',
      title: `Errors, drops and timeouts — ${picked ? picked.label : 'end to end'}`,
      unit: 'rate',
      yRange: 'from-zero',
      lines: [
        { label: 'errors', metric: 'errors', componentId: subject, color: FAILURE.errors, perSecond: true },
        { label: 'drops', metric: 'drops', componentId: subject, color: FAILURE.drops, perSecond: true, dash: [7, 4] },
        { label: 'timeouts', metric: 'timeouts', componentId: subject, color: FAILURE.timeouts, perSecond: true, dash: [2, 3] },
      ],
    },
  ];

  const ranked = [...components].sort((a, b) => (ranking?.get(b.id) ?? 0) - (ranking?.get(a.id) ?? 0));
  const eligible = (types: ReadonlySet<ComponentType>) => (picked ? [picked].filter((c) => types.has(c.type)) : ranked.filter((c) => types.has(c.type)).slice(0, MAX_COMPONENT_LINES));
  const byComponent = (id: string, title: string, metric: MetricName, unit: ChartSpec['unit'], yRange: YRange, list: readonly DashboardComponent[]) => {
    // Equal series (two idle components, replicas of the same size) would hide each other: every other line is dashed.
    if (list.length > 0) charts.push({ id, title, unit, yRange, lines: list.map((c, i) => ({ label: c.label, metric, componentId: c.id, color: color.get(c.id)!, ...(LINE_DASHES[i % LINE_DASHES.length] ? { dash: LINE_DASHES[i % LINE_DASHES.length] } : {}) })) });
  };
  const suffix = picked ? ` — ${picked.label}` : ' by component';
  if (!picked) {
    byComponent('throughput-by-component', 'Throughput by component', 'throughput', 'rate', 'from-zero', eligible(SERVING));
    byComponent('p95-by-component', 'Latency p95 by component', 'latencyP95', 'ms', 'from-zero', eligible(SERVING));
  }
  byComponent('utilization', `Utilisation${suffix}`, 'utilization', 'ratio', 'ratio', eligible(QUEUEING));
  byComponent('queue', `Queue length${suffix}`, 'queueLength', 'count', 'from-zero', eligible(QUEUEING));
  byComponent('replicas', `Replicas${suffix}`, 'replicas', 'count', 'whole-from-zero', eligible(STATIONS));
  byComponent('breakers', `Circuit breaker state${suffix} (0 closed, 1 half-open, 2 open)`, 'breakerState', 'count', 'breaker', (picked ? [picked] : ranked).filter((c) => c.hasBreaker).slice(0, MAX_COMPONENT_LINES));

  const servingCount = components.filter((c) => SERVING.has(c.type)).length;
  const shown = picked ? [picked] : ranked.filter((c) => SERVING.has(c.type)).slice(0, MAX_COMPONENT_LINES);
  return { charts, queries: queriesFor(charts, components.length <= MAX_COMPONENT_LINES), shown, hiddenCount: picked ? 0 : Math.max(0, servingCount - shown.length) };
}

/**
 * The fewest queries that feed `charts`. With few components, one query per metric brings every
 * component at once (and the end-to-end series with them); with many, only the lines drawn are
 * asked for, one component each, which `batchQueries` then sends as one request per metric.
 */
export function queriesFor(charts: readonly ChartSpec[], fewComponents: boolean): SeriesQuery[] {
  const wanted = new Map<MetricName, Set<string>>();
  for (const chart of charts) {
    for (const line of chart.lines) {
      let set = wanted.get(line.metric);
      if (!set) wanted.set(line.metric, (set = new Set()));
      set.add(line.componentId);
    }
  }
  const queries: SeriesQuery[] = [];
  for (const [metric, ids] of wanted) {
    const componentLines = [...ids].filter((id) => id !== END_TO_END).length;
    if (fewComponents && componentLines > 1) queries.push({ metric });
    else for (const component of ids) queries.push({ metric, component });
  }
  return queries;
}

/** Identifies a query's answer in a map of answers. */
export function queryKey(query: SeriesQuery): string {
  return `${query.metric}|${query.component ?? '*'}`;
}
