import { END_TO_END, type MetricSeriesDto, type SimulationDto } from '@architech/contracts';
import type { EditorDocument } from '@architech/editor-core';
import { documentOf } from '../../editor/design-session';
import type { RunSource } from '../run-source';
import { connectionFlows, flowEdges } from './connection-flow';
import { faultWindowsOf, type FaultWindow } from './fault-windows';
import { buildReplayScene, type ReplayScene } from './replay-scene';
import { buildReplaySeries, endToEndErrorRate, mergeSeries, type ReplayMetric, type ReplaySeries, type SeriesByMetric } from './replay-series';

/** The most points per series the metrics API returns (`maxPoints`); longer runs come downsampled. */
const MAX_POINTS = 10_000;

/** What the replay draws before any series has arrived: the design that ran and the run's frame. */
export interface ReplayModel {
  readonly simulation: SimulationDto;
  readonly doc: EditorDocument;
  readonly faults: readonly FaultWindow[];
  readonly scene: ReplayScene;
  readonly durationSec: number;
  /** Excluded from the statistics; greyed on the timeline. */
  readonly warmupSec: number;
}

/** The run's series, laid out for drawing. */
export interface ReplayData {
  readonly series: ReplaySeries;
  /** Requests per second per connection (document order) and bucket. */
  readonly flows: Float32Array;
  /** The end-to-end error rate per bucket, for the timeline's sparkline. */
  readonly endToEndErrorRate: Float32Array;
  /**
   * Whether the series reach the end of the run. A run turns COMPLETED before the telemetry
   * service has stored its last batches (seconds later on the embedded store), so a replay opened
   * at once may see them cut short, and loads them again.
   */
  readonly complete: boolean;
}

/** Loads the design version that ran `simulation` and indexes it for the replay. */
export async function loadReplayModel(source: RunSource, simulation: SimulationDto): Promise<ReplayModel> {
  const doc = documentOf(await source.design(simulation.designId));
  const faults = faultWindowsOf(simulation);
  const configuredWarmup = simulation.configuration.warmupSec;
  return {
    simulation,
    doc,
    faults,
    scene: buildReplayScene(doc, faults),
    durationSec: simulation.configuration.durationSec,
    warmupSec: simulation.result?.settings.warmupSec ?? (typeof configuredWarmup === 'number' ? configuredWarmup : 0),
  };
}

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
export async function fetchReplaySeries(source: RunSource, simulation: SimulationDto, metrics: readonly ReplayMetric[], signal: AbortSignal): Promise<FetchedSeries> {
  const durationSec = simulation.configuration.durationSec;
  const runBucketSec = simulation.result?.settings.bucketSec ?? 1;
  const maxPoints = Math.min(MAX_POINTS, Math.ceil(durationSec / runBucketSec));
  const fetched = await source.metricBatch(simulation.id, { queries: metrics.map((metric) => ({ metric })), maxPoints }, signal);
  const byMetric: SeriesByMetric = Object.fromEntries(metrics.map((metric, i) => [metric, fetched[i] ?? []]));
  return { byMetric, bucketSec: Math.ceil(durationSec / runBucketSec) > MAX_POINTS ? downsampledWidth(fetched.flat(), runBucketSec) : runBucketSec };
}

/**
 * Lays fetched series out in typed arrays, added to what `previous` loaded, with the connection
 * flows derived from them.
 *
 * @example
 * const first = buildReplayData(model, await fetchReplaySeries(source, simulation, FIRST_METRICS, signal));
 * const all = buildReplayData(model, await fetchReplaySeries(source, simulation, LATER_METRICS, signal), first);
 */
export function buildReplayData(model: ReplayModel, fetched: FetchedSeries, previous?: ReplayData): ReplayData {
  const { doc, durationSec } = model;
  const runBucketSec = model.simulation.result?.settings.bucketSec ?? 1;
  const answers = fetched.byMetric;
  const bucketSec = previous?.series.bucketSec ?? fetched.bucketSec;
  const loaded = buildReplaySeries({ bucketSec, countBucketSec: runBucketSec, durationSec, componentIds: doc.components.map((c) => c.id), byMetric: answers });
  const series = previous === undefined ? loaded : mergeSeries(previous.series, loaded);
  const edges = flowEdges(doc);
  const reachesEnd = (s: MetricSeriesDto) => (s.points.at(-1)?.timeSec ?? -1) + 2 * bucketSec >= durationSec;
  return {
    series,
    complete: (previous?.complete ?? true) && Object.values(answers).every((answer) => answer.filter(reachesEnd).length >= doc.components.length),
    flows: previous !== undefined && answers.arrivals === undefined ? previous.flows : connectionFlows(edges, series),
    endToEndErrorRate:
      previous !== undefined && answers.errors === undefined ? previous.endToEndErrorRate : endToEndErrorRate(answers.errors, answers.completions, END_TO_END, series.buckets, bucketSec),
  };
}

/** The bucket width the API downsampled to: the smallest step between consecutive points. */
function downsampledWidth(series: readonly MetricSeriesDto[], atLeast: number): number {
  let step = Number.POSITIVE_INFINITY;
  for (const s of series) {
    for (let i = 1; i < s.points.length; i++) step = Math.min(step, s.points[i]!.timeSec - s.points[i - 1]!.timeSec);
  }
  return Number.isFinite(step) ? Math.max(atLeast, step) : atLeast;
}
