import { runCost } from '../cost/run-cost';
import type { PriceBook } from '../cost/price-book';
import type { EndToEndSummary, Summary } from '../metrics/summary';
import { meanWithCi95, relativeHalfWidth } from '../stats/confidence';
import { aggregateSummaries, SeriesAccumulator } from './aggregate';
import type { ReplicationOutput } from './replication';
import type { SimulationResult } from './result';
import type { RunPlan } from './run-plan';

/** Relative CI half-widths below which the stopping rule considers a metric estimated. */
function headlineHalfWidths(runs: readonly EndToEndSummary[]): number[] {
  const pick = (f: (s: EndToEndSummary) => number) => relativeHalfWidth(meanWithCi95(runs.map(f)));
  const widths = [pick((s) => s.throughput), pick((s) => s.latency.mean), pick((s) => s.latency.p95)];
  // A relative precision on a near-zero error rate is unattainable and meaningless.
  if (meanWithCi95(runs.map((s) => s.errorRate)).mean >= 1e-3) widths.push(pick((s) => s.errorRate));
  return widths;
}

/**
 * Folds replication outputs, in replication order, into one result: means and confidence
 * half-widths of the summaries, mean series, the first replication's traces and logs, and the
 * stopping rule. The order of `add` calls fixes every floating-point sum, so a run whose
 * replications ran on several threads gives exactly the result of a sequential one.
 */
export class ResultAssembler {
  private readonly summaries: Summary[] = [];
  private readonly endToEndSeries = new SeriesAccumulator();
  private readonly componentSeries = new Map<string, SeriesAccumulator>();
  private first: ReplicationOutput | undefined;
  private maxRel = Infinity;

  /** `prices`: what the run's `cost` is computed with (the list prices when omitted). */
  constructor(
    private readonly plan: RunPlan,
    private readonly prices?: PriceBook,
  ) {}

  /** Replications folded in so far. */
  get count(): number {
    return this.summaries.length;
  }

  /** Adds the next replication's output; returns true when no further replication is wanted. */
  add(out: ReplicationOutput): boolean {
    this.first ??= out;
    this.summaries.push(out.summary);
    this.endToEndSeries.add(out.endToEndSeries);
    for (const [id, series] of out.componentSeries) {
      let acc = this.componentSeries.get(id);
      if (!acc) this.componentSeries.set(id, (acc = new SeriesAccumulator()));
      acc.add(series);
    }
    const { targetRelError } = this.plan.config;
    if (targetRelError !== undefined && this.summaries.length >= this.plan.planned) {
      this.maxRel = Math.max(...headlineHalfWidths(this.summaries.map((s) => s.endToEnd)));
      if (this.maxRel <= targetRelError) return true;
    }
    return this.summaries.length >= this.plan.ceiling;
  }

  /** The run's result; `events` counts every replication folded in plus the pilot's. */
  result(warmupSec: number, events: number): SimulationResult {
    const { config, bucketSec } = this.plan;
    const firstRun = this.first as ReplicationOutput;
    const summaries = this.summaries;
    const aggregated = aggregateSummaries(summaries);
    const components: SimulationResult['timeseries']['components'] = {};
    for (const [id, acc] of this.componentSeries) components[id] = acc.mean();
    const result: SimulationResult = {
      summary: aggregated.mean,
      replications: summaries.length,
      settings: { durationSec: config.durationSec, warmupSec, warmupMode: config.warmupSec === 'auto' ? 'auto' : 'fixed', seed: config.seed, bucketSec },
      perReplication: summaries.map((s) => s.endToEnd),
      timeseries: { bucketSec, buckets: firstRun.endToEndSeries.buckets, endToEnd: this.endToEndSeries.mean(), components },
      traces: firstRun.traces,
      logs: firstRun.logs,
      logsDropped: firstRun.logsDropped,
      faults: firstRun.faultWindows,
      events,
      wallMs: 0,
    };
    if (summaries.length > 1) result.ci95 = aggregated.halfWidth;
    const cost = runCost(this.plan.design, result.summary, config.durationSec - warmupSec, this.prices);
    if (cost) result.cost = cost;
    if (config.targetRelError !== undefined) {
      result.stoppingRule = { targetRelError: config.targetRelError, achieved: this.maxRel <= config.targetRelError, maxRelativeHalfWidth: this.maxRel };
    }
    return result;
  }
}
