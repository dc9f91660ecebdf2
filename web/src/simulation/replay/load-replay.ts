import { END_TO_END, type MetricSeriesDto, type SimulationDto } from '@architech/contracts';
import type { EditorDocument } from '@architech/editor-core';
import { api } from '../../api/endpoints';
import { simulationsApi } from '../../api/simulations';
import { documentOf } from '../../editor/design-session';
import { connectionFlows } from './connection-flow';
import { faultWindowsOf, type FaultWindow } from './fault-windows';
import { buildReplayScene, type ReplayScene } from './replay-scene';
import { buildReplaySeries, endToEndErrorRate, REPLAY_METRICS, type ReplaySeries, type SeriesByMetric } from './replay-series';

/** The most points per series the metrics API returns (`maxPoints`); longer runs come downsampled. */
const MAX_POINTS = 10_000;

/** Everything a replay shows, loaded once and indexed for drawing. */
export interface ReplayModel {
  readonly simulation: SimulationDto;
  readonly doc: EditorDocument;
  readonly series: ReplaySeries;
  /** Requests per second per connection (document order) and bucket. */
  readonly flows: Float32Array;
  /** The end-to-end error rate per bucket, for the timeline's sparkline. */
  readonly endToEndErrorRate: Float32Array;
  readonly faults: readonly FaultWindow[];
  readonly scene: ReplayScene;
  readonly durationSec: number;
  /** Excluded from the statistics; greyed on the timeline. */
  readonly warmupSec: number;
}

/**
 * Loads what a replay of `simulation` needs: the design version that ran and, per metric, the
 * series of every component at once (one request per metric, seven in all, in parallel — not one
 * per component), then lays them out in typed arrays and derives the connection flows.
 */
export async function loadReplay(simulation: SimulationDto, signal: AbortSignal): Promise<ReplayModel> {
  const runBucketSec = simulation.result?.settings.bucketSec ?? 1;
  const durationSec = simulation.configuration.durationSec;
  const maxPoints = Math.min(MAX_POINTS, Math.ceil(durationSec / runBucketSec));
  const [version, ...answers] = await Promise.all([
    api.getDesign(simulation.designId),
    ...REPLAY_METRICS.map((metric) => simulationsApi.metrics(simulation.id, { metric, maxPoints }, signal)),
  ]);
  signal.throwIfAborted();
  const byMetric = Object.fromEntries(REPLAY_METRICS.map((metric, i) => [metric, answers[i]!])) as unknown as SeriesByMetric;
  const doc = documentOf(version);
  const bucketSec = Math.ceil(durationSec / runBucketSec) > MAX_POINTS ? downsampledWidth(answers.flat(), runBucketSec) : runBucketSec;
  const series = buildReplaySeries({ bucketSec, countBucketSec: runBucketSec, durationSec, componentIds: doc.components.map((c) => c.id), byMetric });
  const flows = connectionFlows(
    doc.connections.map((c) => ({ source: c.source, target: c.target, weight: c.properties.weight ?? 1 })),
    series,
  );
  const faults = faultWindowsOf(simulation);
  const configuredWarmup = simulation.configuration.warmupSec;
  return {
    simulation,
    doc,
    series,
    flows,
    endToEndErrorRate: endToEndErrorRate(byMetric.errors, byMetric.completions, END_TO_END, series.buckets, bucketSec),
    faults,
    scene: buildReplayScene(doc, series, faults),
    durationSec,
    warmupSec: simulation.result?.settings.warmupSec ?? (typeof configuredWarmup === 'number' ? configuredWarmup : 0),
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
