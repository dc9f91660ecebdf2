import { QuantileSketch } from '../stats/ddsketch';
import { TimeWeightedValue } from '../stats/time-weighted';
import { SeriesBuffers } from './series';
import type { ComponentSummary, LatencySummary } from './summary';

const BUCKET_QUANTILES = [0.5, 0.95, 0.99];

/*
 * The sketch bin of the latest latency recorded by any component. Every sketch here has the same
 * bins, and a latency often repeats at once (a client's end-to-end latency equals its callee's
 * when the connection has no latency), so the logarithm behind the bin is computed only once.
 */
const last = { latencyMs: NaN, bin: 0 };

/**
 * Counters, a latency sketch and time-weighted integrals of one component, kept twice: for the
 * summary (only after warm-up) and for the current time-series bucket. Memory is fixed.
 */
export class NodeStats {
  arrivals = 0;
  completions = 0;
  errors = 0;
  drops = 0;
  timeouts = 0;
  rejected = 0;
  /** Calls refused by a rate limit or a serverless concurrency limit (also in `drops`). */
  throttled = 0;
  coldStarts = 0;
  /** Most instances provisioned at once since the end of warm-up. */
  peakInstances = 0;
  /** Serverless: the busy integral is the summed invocation durations, which the summary reports as billed. */
  billsInvocations = false;
  readonly latency = new QuantileSketch();
  readonly busy = new TimeWeightedValue(0);
  readonly queued = new TimeWeightedValue(0);
  readonly capacity = new TimeWeightedValue(0);
  /** Instances provisioned (replicas, starting ones included; live serverless instances). */
  readonly instances = new TimeWeightedValue(0);
  readonly series: SeriesBuffers;

  private bArrivals = 0;
  private bCompletions = 0;
  private bErrors = 0;
  private bDrops = 0;
  private bTimeouts = 0;
  private readonly bLatency = new QuantileSketch();
  private bBusyArea = 0;
  private bQueuedArea = 0;
  private bCapacityArea = 0;
  private bStartMs = 0;
  private warmBusyArea = 0;
  private warmQueuedArea = 0;
  private warmCapacityArea = 0;
  private warmInstancesArea = 0;
  private readonly quantiles = [0, 0, 0];
  /**
   * The warm-up is over: the summary's counters and sketch take what happens. Set by `markWarmup`,
   * an urgent event that runs before every other event at its time (so counting "now ≥ warm-up").
   */
  private measuring: boolean;

  constructor(
    private readonly warmupMs: number,
    buckets: number,
  ) {
    this.series = new SeriesBuffers(buckets);
    this.measuring = warmupMs <= 0;
  }

  arrival(): void {
    this.bArrivals++;
    if (this.measuring) this.arrivals++;
  }

  completion(latencyMs: number): void {
    this.bCompletions++;
    // In an object rather than module variables, where V8 would box every latency stored.
    if (latencyMs !== last.latencyMs) {
      last.bin = this.bLatency.binIndex(latencyMs);
      last.latencyMs = latencyMs;
    }
    const bin = last.bin;
    this.bLatency.addAt(bin, latencyMs);
    if (this.measuring) {
      this.completions++;
      this.latency.addAt(bin, latencyMs);
    }
  }

  error(): void {
    this.bErrors++;
    if (this.measuring) this.errors++;
  }

  drop(): void {
    this.bDrops++;
    if (this.measuring) this.drops++;
  }

  timeout(): void {
    this.bTimeouts++;
    if (this.measuring) this.timeouts++;
  }

  reject(): void {
    if (this.measuring) this.rejected++;
  }

  /** A call refused by a rate limit or a concurrency limit: a drop of its own kind. */
  throttle(): void {
    this.drop();
    if (this.measuring) this.throttled++;
  }

  coldStart(): void {
    if (this.measuring) this.coldStarts++;
  }

  /** Instances provisioned from `nowMs` on. */
  provisionedInstances(nowMs: number, count: number): void {
    this.instances.set(nowMs, count);
    if (nowMs >= this.warmupMs && count > this.peakInstances) this.peakInstances = count;
  }

  /** Remembers the integrals at the end of warm-up, so the summary covers only what follows. */
  markWarmup(nowMs: number): void {
    this.warmBusyArea = this.busy.areaUntil(nowMs);
    this.warmQueuedArea = this.queued.areaUntil(nowMs);
    this.warmCapacityArea = this.capacity.areaUntil(nowMs);
    this.warmInstancesArea = this.instances.areaUntil(nowMs);
    this.peakInstances = this.instances.value;
    this.measuring = true;
  }

  /** Writes bucket `index` (ending now) into the series and starts the next one. */
  closeBucket(index: number, nowMs: number, replicas: number, breakerState: number): void {
    const c = this.series.columns;
    const widthSec = (nowMs - this.bStartMs) / 1000;
    const busyArea = this.busy.areaUntil(nowMs);
    const queuedArea = this.queued.areaUntil(nowMs);
    const capacityArea = this.capacity.areaUntil(nowMs);
    const dBusy = busyArea - this.bBusyArea;
    const dCapacity = capacityArea - this.bCapacityArea;
    c.arrivals[index] = this.bArrivals;
    c.completions[index] = this.bCompletions;
    c.errors[index] = this.bErrors;
    c.drops[index] = this.bDrops;
    c.timeouts[index] = this.bTimeouts;
    c.throughput[index] = widthSec > 0 ? this.bCompletions / widthSec : 0;
    const l = this.bLatency;
    c.latencyMean[index] = l.mean();
    l.quantilesInto(BUCKET_QUANTILES, this.quantiles);
    c.latencyP50[index] = this.quantiles[0];
    c.latencyP95[index] = this.quantiles[1];
    c.latencyP99[index] = this.quantiles[2];
    c.latencyMax[index] = l.count > 0 ? l.max : 0;
    c.utilization[index] = dCapacity > 0 ? dBusy / dCapacity : 0;
    c.queueLength[index] = widthSec > 0 ? (queuedArea - this.bQueuedArea) / (widthSec * 1000) : 0;
    c.replicas[index] = replicas;
    c.breakerState[index] = breakerState;
    this.bArrivals = this.bCompletions = this.bErrors = this.bDrops = this.bTimeouts = 0;
    l.clear();
    this.bBusyArea = busyArea;
    this.bQueuedArea = queuedArea;
    this.bCapacityArea = capacityArea;
    this.bStartMs = nowMs;
  }

  /** The summary over [warm-up, end]. */
  summarize(type: string, endMs: number): ComponentSummary {
    const measuredSec = Math.max(endMs - this.warmupMs, 0) / 1000;
    const capacityArea = this.capacity.areaUntil(endMs) - this.warmCapacityArea;
    const busyArea = this.busy.areaUntil(endMs) - this.warmBusyArea;
    const queuedArea = this.queued.areaUntil(endMs) - this.warmQueuedArea;
    const instancesArea = this.instances.areaUntil(endMs) - this.warmInstancesArea;
    return {
      type,
      arrivals: this.arrivals,
      completions: this.completions,
      errors: this.errors,
      drops: this.drops,
      timeouts: this.timeouts,
      rejected: this.rejected,
      throughput: measuredSec > 0 ? this.completions / measuredSec : 0,
      utilization: capacityArea > 0 ? busyArea / capacityArea : 0,
      meanQueueLength: measuredSec > 0 ? queuedArea / (measuredSec * 1000) : 0,
      latency: latencySummary(this.latency),
      throttled: this.throttled,
      coldStarts: this.coldStarts,
      instanceSeconds: instancesArea / 1000,
      billedSeconds: this.billsInvocations ? busyArea / 1000 : 0,
      peakInstances: this.peakInstances,
    };
  }
}

/** Mean, p50, p95, p99 and max of a sketch; zeros when it is empty. */
export function latencySummary(sketch: QuantileSketch): LatencySummary {
  if (sketch.count === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  return {
    mean: sketch.mean(),
    p50: sketch.quantile(0.5),
    p95: sketch.quantile(0.95),
    p99: sketch.quantile(0.99),
    max: sketch.max,
  };
}
