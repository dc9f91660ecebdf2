import type { NodeStats } from '../metrics/node-stats';
import { SERIES_METRICS, type SeriesBuffers, type SeriesMetric } from '../metrics/series';
import type { SimNode } from '../model/node';
import type { LogRecord } from '../tracing/span';
import type { SimEnvironment } from './environment';

/** One closed bucket of every series, for watching a run while it goes (see `onSeriesBucket`). */
export interface SeriesBucket {
  replication: number;
  index: number;
  startSec: number;
  endToEnd: Record<SeriesMetric, number>;
  components: Record<string, Record<SeriesMetric, number>>;
  /** Log records written during this bucket, and the index of the first in the run's log. */
  logs: LogRecord[];
  firstLogIndex: number;
}

/**
 * The statistics buckets of a replication: the end of the warm-up, and every `bucketMs` the close
 * of one bucket of every component's series (and of the log's noisy-event counters), handed to
 * `onSeriesBucket` as it closes. Both are urgent events, so an event at exactly a boundary belongs
 * to the next bucket and one at exactly the end of the warm-up is measured.
 */
export class SeriesRecorder {
  readonly buckets: number;
  private bucketIndex = 0;
  /** Log records already handed to `onSeriesBucket`. */
  private logsEmitted = 0;
  private readonly kTick: number;
  private readonly kWarmup: number;

  constructor(
    private readonly env: SimEnvironment,
    private readonly nodes: readonly SimNode[],
    /** End-to-end statistics of their own (several clients), closed alongside; null with one client. */
    private readonly endToEnd: NodeStats | null,
    private readonly endToEndSeries: () => SeriesBuffers,
    private readonly settings: { replication: number; warmupMs: number; bucketMs: number; onSeriesBucket?: (bucket: SeriesBucket) => void },
  ) {
    this.buckets = Math.max(1, Math.ceil(env.endMs / settings.bucketMs));
    this.kTick = env.scheduler.register(() => this.tick());
    this.kWarmup = env.scheduler.register(() => this.markWarmup());
  }

  /** Schedules the end of the warm-up and the first bucket close. */
  start(): void {
    const s = this.env.scheduler;
    if (this.settings.warmupMs > 0) s.scheduleUrgent(this.settings.warmupMs, this.kWarmup, null);
    if (this.buckets > 1) s.scheduleUrgent(this.settings.bucketMs, this.kTick, null);
  }

  /** Closes the last bucket at the end of the run. */
  finish(): void {
    this.closeBucket();
  }

  private markWarmup(): void {
    const now = this.env.scheduler.now;
    for (const node of this.nodes) node.stats.markWarmup(now);
    this.endToEnd?.markWarmup(now);
  }

  private tick(): void {
    this.closeBucket();
    const next = (this.bucketIndex + 1) * this.settings.bucketMs;
    if (this.bucketIndex < this.buckets - 1 && next < this.env.endMs) this.env.scheduler.scheduleUrgent(next, this.kTick, null);
  }

  private closeBucket(): void {
    if (this.bucketIndex >= this.buckets) return;
    const now = this.env.scheduler.now;
    for (const node of this.nodes) node.closeBucket(this.bucketIndex, now);
    this.endToEnd?.closeBucket(this.bucketIndex, now, 0, 0);
    const logs = this.env.logs;
    logs.closeBucket(now);
    const onSeriesBucket = this.settings.onSeriesBucket;
    if (onSeriesBucket) {
      const row = this.bucketRow(this.bucketIndex);
      row.firstLogIndex = this.logsEmitted;
      row.logs = logs.records.slice(this.logsEmitted);
      this.logsEmitted = logs.records.length;
      onSeriesBucket(row);
    }
    this.bucketIndex++;
  }

  private bucketRow(index: number): SeriesBucket {
    const row = (series: SeriesBuffers) => {
      const out = {} as Record<SeriesMetric, number>;
      for (const metric of SERIES_METRICS) out[metric] = series.columns[metric][index];
      return out;
    };
    const components: Record<string, Record<SeriesMetric, number>> = {};
    for (const node of this.nodes) components[node.id] = row(node.stats.series);
    return { replication: this.settings.replication, index, startSec: (index * this.settings.bucketMs) / 1000, endToEnd: row(this.endToEndSeries()), components, logs: [], firstLogIndex: 0 };
  }
}
