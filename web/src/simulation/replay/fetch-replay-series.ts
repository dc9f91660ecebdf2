import type { MetricSeriesDto, SimulationDto } from '@architech/contracts';
import type { RunSource } from '../run-source';
import type { ReplayMetric, SeriesByMetric } from './replay-series';

/** The most points per series the metrics API returns (`maxPoints`); longer runs come downsampled. */
const MAX_POINTS = 10_000;

/** Every component's series of some metrics, as the API answered them, and the width of their buckets. */
export interface FetchedSeries {
  readonly byMetric: SeriesByMetric;
  readonly bucketSec: number;
}

/**
 * Fetches every component's series of `metrics` in one request (`POST …/metrics/batch`: one query
 * per metric, each for all components). Needs only the simulation, not the design, so it starts
 * while the design is still on its way.
 */
export async function fetchReplaySeries(source: Pick<RunSource, 'metricBatch'>, simulation: SimulationDto, metrics: readonly ReplayMetric[], signal?: AbortSignal): Promise<FetchedSeries> {
  const durationSec = simulation.configuration.durationSec;
  const runBucketSec = simulation.result?.settings.bucketSec ?? 1;
  const maxPoints = Math.min(MAX_POINTS, Math.ceil(durationSec / runBucketSec));
  const fetched = await source.metricBatch(simulation.id, { queries: metrics.map((metric) => ({ metric })), maxPoints }, signal);
  const byMetric: SeriesByMetric = Object.fromEntries(metrics.map((metric, i) => [metric, fetched[i] ?? []]));
  return { byMetric, bucketSec: Math.ceil(durationSec / runBucketSec) > MAX_POINTS ? downsampledWidth(fetched.flat(), runBucketSec) : runBucketSec };
}

/** The bucket width the API downsampled to: the smallest step between consecutive points. */
function downsampledWidth(series: readonly MetricSeriesDto[], atLeast: number): number {
  let step = Number.POSITIVE_INFINITY;
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) step = Math.min(step, s.points[i]!.timeSec - s.points[i - 1]!.timeSec);
  }
  return Number.isFinite(step) ? Math.max(atLeast, step) : atLeast;
}
