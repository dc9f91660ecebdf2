import type { MetricName, MetricSeriesDto } from '@architech/contracts';

/** The metrics the replay loads, each with one request for every component at once. */
export const REPLAY_METRICS = ['utilization', 'arrivals', 'completions', 'errors', 'queueLength', 'replicas', 'breakerState'] as const satisfies readonly MetricName[];
export type ReplayMetric = (typeof REPLAY_METRICS)[number];

/** What the first frame needs (colours, flows, labels); the rest follows in the background. */
export const FIRST_METRICS: readonly ReplayMetric[] = ['utilization', 'arrivals', 'completions', 'errors'];
/** What only badges and the tooltip show. */
export const LATER_METRICS: readonly ReplayMetric[] = REPLAY_METRICS.filter((m) => !FIRST_METRICS.includes(m));

/** The engine's `breakerState` values above closed (0) (docs/engine.md §8). */
export const BREAKER_HALF_OPEN = 1;
export const BREAKER_OPEN = 2;

/**
 * Every component's per-bucket series as flat typed arrays, row-major: the value of component `c`
 * in bucket `b` is at `c * buckets + b`. Built once when the replay loads, so a frame only indexes
 * into them (no maps, no objects, no allocation).
 */
export interface ReplaySeries {
  /** Width of a bucket, simulated seconds. */
  readonly bucketSec: number;
  /** Buckets per component, covering `[0, buckets × bucketSec)`. */
  readonly buckets: number;
  /** Row of each component id. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** Busy / provisioned workers, 0–1 (above 1 never happens; ≥ 1 means saturated). */
  readonly utilization: Float32Array;
  /** Calls arriving, per second. */
  readonly arrivalsPerSec: Float32Array;
  /** Calls completed successfully, per second. */
  readonly completionsPerSec: Float32Array;
  /** errors / (completions + errors) in the bucket; 0 when nothing finished. */
  readonly errorRate: Float32Array;
  /** Time-average of the calls waiting. */
  readonly queueLength: Float32Array;
  /** Active replicas at the end of the bucket. */
  readonly replicas: Uint16Array;
  /** Highest breaker state in the bucket (see {@link BREAKER_OPEN}). */
  readonly breakerState: Uint8Array;
  /** The metrics that were loaded; the arrays of the others read 0. */
  readonly loaded: ReadonlySet<ReplayMetric>;
}

/** Series of each metric loaded, as the metrics API answers a query without `component`. */
export type SeriesByMetric = Readonly<Partial<Record<ReplayMetric, readonly MetricSeriesDto[]>>>;

/**
 * Lays the API's series out as {@link ReplaySeries}. Points are placed by `timeSec`, so missing
 * buckets are tolerated: counts and rates read 0 there, replicas and breaker state keep their last
 * value (a state holds until it changes). Series of ids not in `componentIds` (the end-to-end view)
 * are ignored; a metric not in `byMetric` reads 0 everywhere.
 *
 * @example
 * const series = buildReplaySeries({ bucketSec: 1, durationSec: 600, componentIds: ['lb', 'api'], byMetric });
 * series.utilization[series.rowOf.get('api')! * series.buckets + 42] // utilisation of api in [42 s, 43 s)
 */
export function buildReplaySeries(input: {
  /** Width of the buckets the points are at (wider than the run's when the API downsampled). */
  readonly bucketSec: number;
  /** Width of the engine's buckets, which counts are per (the API averages them when downsampling). */
  readonly countBucketSec?: number;
  readonly durationSec: number;
  readonly componentIds: readonly string[];
  readonly byMetric: SeriesByMetric;
}): ReplaySeries {
  const { bucketSec, durationSec, componentIds, byMetric } = input;
  const perSec = 1 / (input.countBucketSec ?? bucketSec);
  const buckets = Math.max(1, Math.ceil(durationSec / bucketSec - 1e-9));
  const rowOf = new Map(componentIds.map((id, row) => [id, row] as const));
  const cells = componentIds.length * buckets;
  const layout = { rowOf, buckets, bucketSec };

  const arrivals = matrix(byMetric.arrivals, layout, new Float32Array(cells), perSec);
  const completions = matrix(byMetric.completions, layout, new Float32Array(cells), perSec);
  const errors = matrix(byMetric.errors, layout, new Float32Array(cells), perSec);
  const errorRate = new Float32Array(cells);
  for (let i = 0; i < cells; i++) {
    const done = completions[i] + errors[i];
    errorRate[i] = done > 0 ? errors[i] / done : 0;
  }
  const replicas = holdGaps(matrix(byMetric.replicas, layout, new Uint16Array(cells).fill(HOLE_16), 1), buckets, HOLE_16);
  const breakerState = holdGaps(matrix(byMetric.breakerState, layout, new Uint8Array(cells).fill(HOLE_8), 1), buckets, HOLE_8);
  return {
    bucketSec,
    buckets,
    rowOf,
    utilization: matrix(byMetric.utilization, layout, new Float32Array(cells), 1),
    arrivalsPerSec: arrivals,
    completionsPerSec: completions,
    errorRate,
    queueLength: matrix(byMetric.queueLength, layout, new Float32Array(cells), 1),
    replicas,
    breakerState,
    loaded: new Set(REPLAY_METRICS.filter((m) => byMetric[m] !== undefined)),
  };
}

/**
 * `base` with the metrics `more` loaded added (same layout), so a second load of other metrics
 * completes the first without keeping the API's answers around.
 */
export function mergeSeries(base: ReplaySeries, more: ReplaySeries): ReplaySeries {
  const has = (metric: ReplayMetric) => more.loaded.has(metric);
  return {
    ...base,
    utilization: has('utilization') ? more.utilization : base.utilization,
    arrivalsPerSec: has('arrivals') ? more.arrivalsPerSec : base.arrivalsPerSec,
    completionsPerSec: has('completions') ? more.completionsPerSec : base.completionsPerSec,
    errorRate: has('errors') && has('completions') ? more.errorRate : base.errorRate,
    queueLength: has('queueLength') ? more.queueLength : base.queueLength,
    replicas: has('replicas') ? more.replicas : base.replicas,
    breakerState: has('breakerState') ? more.breakerState : base.breakerState,
    loaded: new Set([...base.loaded, ...more.loaded]),
  };
}

/**
 * One bucketed series of the end-to-end view (`_end_to_end`) as an array over the buckets, e.g.
 * the error rate the timeline's sparkline draws.
 */
export function endToEndErrorRate(errors: readonly MetricSeriesDto[] | undefined, completions: readonly MetricSeriesDto[] | undefined, componentId: string, buckets: number, bucketSec: number): Float32Array {
  const rowOf = new Map([[componentId, 0]]);
  const layout = { rowOf, buckets, bucketSec };
  const failed = matrix(errors, layout, new Float32Array(buckets), 1);
  const done = matrix(completions, layout, new Float32Array(buckets), 1);
  const rate = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) rate[b] = failed[b] + done[b] > 0 ? failed[b] / (failed[b] + done[b]) : 0;
  return rate;
}

/**
 * The value of a per-bucket series at simulated time `t`, interpolated linearly between bucket
 * centres so colours and widths glide instead of jumping once a second. Before the first centre
 * and after the last the edge bucket's value holds.
 */
export function interpolateAt(values: ArrayLike<number>, row: number, buckets: number, bucketSec: number, t: number): number {
  const position = t / bucketSec - 0.5;
  const base = row * buckets;
  if (position <= 0) return values[base];
  if (position >= buckets - 1) return values[base + buckets - 1];
  const b = Math.floor(position);
  const frac = position - b;
  const a = values[base + b];
  return a + (values[base + b + 1] - a) * frac;
}

/** The bucket holding simulated time `t`, for states that do not blend (replicas, breaker). */
export function bucketAt(buckets: number, bucketSec: number, t: number): number {
  return Math.min(buckets - 1, Math.max(0, Math.floor(t / bucketSec)));
}

/** Markers for "no point here" in the integer matrices (above any real value), replaced by {@link holdGaps}. */
const HOLE_16 = 0xffff;
const HOLE_8 = 0xff;

interface Layout {
  readonly rowOf: ReadonlyMap<string, number>;
  readonly buckets: number;
  readonly bucketSec: number;
}

function matrix<A extends Float32Array | Uint16Array | Uint8Array>(series: readonly MetricSeriesDto[] | undefined, layout: Layout, out: A, scale: number): A {
  const { rowOf, buckets, bucketSec } = layout;
  for (const s of series ?? []) {
    const row = rowOf.get(s.componentId);
    if (row === undefined) continue;
    for (const point of s.points) {
      const b = Math.floor(point.timeSec / bucketSec + 1e-9);
      if (b >= 0 && b < buckets) out[row * buckets + b] = point.value * scale;
    }
  }
  return out;
}

/** Fills holes with the previous bucket's value (0 before the first point). */
function holdGaps<A extends Uint16Array | Uint8Array>(values: A, buckets: number, hole: number): A {
  for (let start = 0; start < values.length; start += buckets) {
    let last = 0;
    for (let i = start; i < start + buckets; i++) {
      if (values[i] === hole) values[i] = last;
      else last = values[i];
    }
  }
  return values;
}
