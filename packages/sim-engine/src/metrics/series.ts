import { METRIC_NAMES, type MetricName } from '@architech/contracts';

/** The per-bucket time series every component (and the end-to-end view) reports: the contracts' metric names. */
export const SERIES_METRICS = METRIC_NAMES;

export type SeriesMetric = MetricName;

/** One number per bucket per metric; buckets are `bucketSec` of simulated time from t = 0. */
export type SeriesSet = Record<SeriesMetric, number[]>;

/** Fixed-size storage for one component's series: memory is buckets × metrics, whatever the traffic. */
export class SeriesBuffers {
  readonly columns: Record<SeriesMetric, Float64Array>;

  constructor(readonly buckets: number) {
    const columns = {} as Record<SeriesMetric, Float64Array>;
    for (const metric of SERIES_METRICS) columns[metric] = new Float64Array(buckets);
    this.columns = columns;
  }

  toJSON(): SeriesSet {
    const out = {} as SeriesSet;
    for (const metric of SERIES_METRICS) out[metric] = Array.from(this.columns[metric]);
    return out;
  }
}
