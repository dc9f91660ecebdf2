import type { DesignSpec, RunConfigSpec } from '../model/design';
import type { EndToEndSummary, Summary } from '../metrics/summary';
import { mser5 } from '../stats/mser';
import { meanWithCi95, relativeHalfWidth } from '../stats/confidence';
import { aggregateSummaries, SeriesAccumulator } from './aggregate';
import { Replication, type ReplicationOutput, type SeriesBucket } from './replication';
import type { SimulationProgress, SimulationResult } from './result';
import { applyWorkload } from '../model/workload';

/** Time-series cells (components × buckets) per replication; longer runs get wider buckets. */
export const MAX_SERIES_CELLS = 250_000;

export interface SimulateOptions {
  onProgress?: (progress: SimulationProgress) => void;
  /** Polled every few thousand events; true stops the run with {@link SimulationCancelledError}. */
  shouldCancel?: () => boolean;
  /** Wall clock in milliseconds (e.g. `performance.now`), only to report `wallMs`. */
  clock?: () => number;
  /**
   * Called as each series bucket of the first replication closes, so a host can stream live
   * series while the run goes on (the result's series are the mean over all replications).
   */
  onSeriesBucket?: (bucket: SeriesBucket) => void;
}

/** The run was cancelled through `shouldCancel`. */
export class SimulationCancelledError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('simulation cancelled');
  }
}

/** The run needed more events than `maxEvents` allows. */
export class EventBudgetExceededError extends Error {
  readonly code = 'event_budget_exceeded';
  constructor(readonly maxEvents: number) {
    super(`simulation exceeded its budget of ${maxEvents} events; shorten durationSec, lower the load or raise maxEvents`);
  }
}

/** Relative CI half-widths below which the stopping rule considers a metric estimated. */
function headlineHalfWidths(runs: readonly EndToEndSummary[]): number[] {
  const pick = (f: (s: EndToEndSummary) => number) => relativeHalfWidth(meanWithCi95(runs.map(f)));
  const widths = [pick((s) => s.throughput), pick((s) => s.latency.mean), pick((s) => s.latency.p95)];
  // A relative precision on a near-zero error rate is unattainable and meaningless.
  if (meanWithCi95(runs.map((s) => s.errorRate)).mean >= 1e-3) widths.push(pick((s) => s.errorRate));
  return widths;
}

/**
 * Simulates a validated design: warm-up detection when asked (MSER-5 on a pilot run), then
 * independent replications (fixed count, or until every headline metric's relative 95% CI
 * half-width is below `targetRelError`), aggregated into one result. Deterministic: the same
 * design, configuration and seed give the same result, `wallMs` aside.
 *
 * @example
 * const result = simulate(design, { durationSec: 600, warmupSec: 60, seed: 1, replications: 5,
 *   maxReplications: 50, faults: [], tracing: { sampleRate: 0.01, maxTraces: 1000, slowest: 20, maxLogs: 10000 } });
 * result.summary.endToEnd.latency.p99;
 */
export function simulate(designAsDrawn: DesignSpec, config: RunConfigSpec, options: SimulateOptions = {}): SimulationResult {
  const design = applyWorkload(designAsDrawn, config.workload);
  const clock = options.clock;
  const started = clock ? clock() : 0;
  const bucketSec = Math.max(1, Math.ceil((design.components.length * config.durationSec) / MAX_SERIES_CELLS));
  let events = 0;
  const budget = config.maxEvents ?? Infinity;
  const planned = config.targetRelError !== undefined ? Math.max(config.replications, 2) : config.replications;
  const ceiling = config.targetRelError !== undefined ? Math.max(config.maxReplications, planned) : planned;

  const runOne = (replication: number, warmupSec: number, pilot: boolean, record: boolean): ReplicationOutput => {
    const tracing = record ? config.tracing : { ...config.tracing, maxTraces: 0, maxLogs: 0 };
    const streamFamily = pilot ? 'pilot' : 'replication';
    const onSeriesBucket = !pilot && replication === 0 ? options.onSeriesBucket : undefined;
    const rep = new Replication(design, { durationSec: config.durationSec, warmupSec, seed: config.seed, replication, streamFamily, bucketSec, faults: config.faults, tracing, onSeriesBucket });
    const before = events;
    const out = rep.run((nowMs, processed) => {
      if (before + processed > budget) throw new EventBudgetExceededError(budget);
      if (options.shouldCancel?.()) return false;
      if (options.onProgress && !pilot) {
        const total = Math.max(planned, replication + 1);
        options.onProgress({ fraction: (replication + nowMs / (config.durationSec * 1000)) / total, replication, replications: total, simTimeMs: nowMs, events: before + processed });
      }
      return true;
    });
    if (!out) throw new SimulationCancelledError();
    events += out.events;
    if (events > budget) throw new EventBudgetExceededError(budget);
    return out;
  };

  let warmupSec = config.warmupSec === 'auto' ? 0 : config.warmupSec;
  if (config.warmupSec === 'auto') {
    const pilot = runOne(0, 0, true, false);
    const latency = Array.from(pilot.endToEndSeries.columns.latencyMean);
    warmupSec = mser5(latency).truncateAt * bucketSec;
  }

  const summaries: Summary[] = [];
  const endToEndSeries = new SeriesAccumulator();
  const componentSeries = new Map<string, SeriesAccumulator>();
  let first: ReplicationOutput | undefined;
  let maxRel = Infinity;
  for (let r = 0; r < ceiling; r++) {
    const out = runOne(r, warmupSec, false, r === 0);
    first ??= out;
    summaries.push(out.summary);
    endToEndSeries.add(out.endToEndSeries);
    for (const [id, series] of out.componentSeries) {
      let acc = componentSeries.get(id);
      if (!acc) componentSeries.set(id, (acc = new SeriesAccumulator()));
      acc.add(series);
    }
    if (config.targetRelError !== undefined && summaries.length >= planned) {
      maxRel = Math.max(...headlineHalfWidths(summaries.map((s) => s.endToEnd)));
      if (maxRel <= config.targetRelError) break;
    }
  }
  const firstRun = first as ReplicationOutput;
  const aggregated = aggregateSummaries(summaries);
  const components: SimulationResult['timeseries']['components'] = {};
  for (const [id, acc] of componentSeries) components[id] = acc.mean();
  const result: SimulationResult = {
    summary: aggregated.mean,
    replications: summaries.length,
    settings: { durationSec: config.durationSec, warmupSec, warmupMode: config.warmupSec === 'auto' ? 'auto' : 'fixed', seed: config.seed, bucketSec },
    perReplication: summaries.map((s) => s.endToEnd),
    timeseries: { bucketSec, buckets: firstRun.endToEndSeries.buckets, endToEnd: endToEndSeries.mean(), components },
    traces: firstRun.traces,
    logs: firstRun.logs,
    logsDropped: firstRun.logsDropped,
    faults: firstRun.faultWindows,
    events,
    wallMs: 0,
  };
  if (summaries.length > 1) result.ci95 = aggregated.halfWidth;
  if (config.targetRelError !== undefined) {
    result.stoppingRule = { targetRelError: config.targetRelError, achieved: maxRel <= config.targetRelError, maxRelativeHalfWidth: maxRel };
  }
  options.onProgress?.({ fraction: 1, replication: summaries.length - 1, replications: summaries.length, simTimeMs: config.durationSec * 1000, events });
  result.wallMs = clock ? clock() - started : 0;
  return result;
}
