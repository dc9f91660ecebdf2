import { END_TO_END, type MetricSeriesDto, type SimulationDto } from '@architech/contracts';
import type { EditorDocument } from '@architech/editor-core';
import { documentOf } from '../../editor/design-session';
import type { RunSource } from '../run-source';
import type { FetchedSeries } from './fetch-replay-series';
import { connectionFlows, flowEdges } from './connection-flow';
import { faultWindowsOf, type FaultWindow } from './fault-windows';
import { buildReplayScene, type ReplayScene } from './replay-scene';
import { buildReplaySeries, endToEndErrorRate, mergeSeries, type ReplaySeries } from './replay-series';

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
