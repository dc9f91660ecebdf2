import { SERIES_METRICS, type ReplicationObservation, type SeriesSet } from '../src';

/** A series of `buckets` buckets, every metric 0 unless `fill` sets it bucket by bucket. */
export function series(buckets: number, fill: Partial<Record<keyof SeriesSet, (i: number) => number>> = {}): SeriesSet {
  const out = {} as SeriesSet;
  for (const m of SERIES_METRICS) out[m] = Array.from({ length: buckets }, (_, i) => fill[m]?.(i) ?? 0);
  return out;
}

/** A hand-made replication: 1-second buckets, optional faults, a steady-state p99. */
export function syntheticObservation(o: { seed?: number; steadyP99?: number; durationSec?: number; warmupSec?: number; endToEnd?: SeriesSet; faults?: { startSec: number; endSec: number }[] } = {}): ReplicationObservation {
  const durationSec = o.durationSec ?? 100;
  const latency = { mean: 5, p50: 4, p95: 8, p99: o.steadyP99 ?? 10, max: 20 };
  return {
    seed: o.seed ?? 1,
    summary: { endToEnd: { requests: 1000, completions: 990, errors: 10, throughput: 9.9, errorRate: 0.01, latency }, components: {} },
    settings: { durationSec, warmupSec: o.warmupSec ?? 0, bucketSec: 1 },
    timeseries: { bucketSec: 1, endToEnd: o.endToEnd ?? series(durationSec), components: {} },
    faults: (o.faults ?? []).map((f) => ({ type: 'crash', target: 'db', params: {}, ...f })),
  };
}
