import type { SeriesSet } from '../metrics/series';
import type { FaultWindow } from '../runtime/fault-injector';
import type { CheckWindow, ReplicationObservation } from './types';

/** A span of simulated time, seconds from t = 0. */
export interface TimeSpan {
  fromSec: number;
  toSec: number;
}

/** The faults' span: from the first fault's start to the last fault's end (clipped to the run). */
export function faultSpan(faults: readonly FaultWindow[], durationSec: number): TimeSpan | undefined {
  if (faults.length === 0) return undefined;
  const fromSec = Math.min(...faults.map((f) => f.startSec));
  const toSec = Math.min(durationSec, Math.max(...faults.map((f) => (Number.isFinite(f.endSec) ? f.endSec : durationSec))));
  return fromSec < toSec ? { fromSec, toSec } : undefined;
}

/**
 * The span a window covers in one replication: `steady` is the measured window (warm-up to the
 * end), `fault` the faults' span, `after-fault` from the last fault's end to the end of the run.
 */
export function resolveWindow(window: CheckWindow, obs: Pick<ReplicationObservation, 'settings' | 'faults'>): TimeSpan | undefined {
  const { durationSec, warmupSec } = obs.settings;
  if (window === 'steady') return { fromSec: warmupSec, toSec: durationSec };
  if (typeof window === 'object') return { fromSec: window.fromSec, toSec: Math.min(window.toSec, durationSec) };
  const span = faultSpan(obs.faults, durationSec);
  if (!span) return undefined;
  if (window === 'fault') return span;
  return span.toSec < durationSec ? { fromSec: span.toSec, toSec: durationSec } : undefined;
}

/**
 * Buckets whose middle lies in the span (bucket i covers [i·b, (i+1)·b)); so a window always
 * holds at least one bucket when it is at least a bucket wide.
 */
export function bucketsIn(span: TimeSpan, bucketSec: number, buckets: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < buckets; i++) {
    const mid = (i + 0.5) * bucketSec;
    if (mid >= span.fromSec && mid < span.toSec) out.push(i);
  }
  return out;
}

const sum = (values: readonly number[], idx: readonly number[]) => idx.reduce((s, i) => s + (values[i] ?? 0), 0);

/** Completion-weighted mean of a per-bucket latency, ignoring buckets without completions. */
function weightedLatency(series: SeriesSet, idx: readonly number[], metric: 'latencyMean'): number {
  let weight = 0;
  let total = 0;
  for (const i of idx) {
    const w = series.completions[i] ?? 0;
    if (w > 0) {
      weight += w;
      total += w * series[metric][i];
    }
  }
  return weight > 0 ? total / weight : NaN;
}

/** The worst bucket of a percentile in the window: "stays under" must hold in every bucket. */
function worstBucket(series: SeriesSet, idx: readonly number[], metric: 'latencyP50' | 'latencyP95' | 'latencyP99' | 'latencyMax'): number {
  let worst = NaN;
  for (const i of idx) if ((series.completions[i] ?? 0) > 0) worst = Number.isNaN(worst) ? series[metric][i] : Math.max(worst, series[metric][i]);
  return worst;
}

/** A metric (criterion name) measured from a series over some buckets of `bucketSec` (docs/checks.md). */
export function seriesMetric(series: SeriesSet, idx: readonly number[], bucketSec: number, metric: string): number {
  const seconds = idx.length * bucketSec;
  switch (metric) {
    case 'errorRate': {
      const errors = sum(series.errors, idx);
      const done = errors + sum(series.completions, idx);
      return done > 0 ? errors / done : 0;
    }
    case 'throughputPerSec':
      return seconds > 0 ? sum(series.completions, idx) / seconds : NaN;
    case 'latencyMeanMs':
      return weightedLatency(series, idx, 'latencyMean');
    case 'latencyP50Ms':
      return worstBucket(series, idx, 'latencyP50');
    case 'latencyP95Ms':
      return worstBucket(series, idx, 'latencyP95');
    case 'latencyP99Ms':
      return worstBucket(series, idx, 'latencyP99');
    case 'latencyMaxMs':
      return worstBucket(series, idx, 'latencyMax');
    case 'utilization':
      return idx.length > 0 ? sum(series.utilization, idx) / idx.length : NaN;
    case 'meanQueueLength':
      return idx.length > 0 ? sum(series.queueLength, idx) / idx.length : NaN;
    case 'arrivals':
    case 'completions':
    case 'errors':
    case 'drops':
    case 'timeouts':
      return sum(series[metric], idx);
    default:
      throw new RangeError(`unknown check metric '${metric}'`);
  }
}
