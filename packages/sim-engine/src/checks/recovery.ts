import type { SeriesSet } from '../metrics/series';
import { faultSpan } from './windows';
import type { ReplicationObservation } from './types';

/** Slack on the pre-fault band: an absolute error rate, and a factor on the p99 (docs/checks.md). */
export const RECOVERY_BAND = { errorRateSlack: 0.005, p99Factor: 1.1 } as const;

export interface Recovery {
  /** Seconds from the last fault's end to recovery; Infinity when the run ends unrecovered; NaN when it cannot be measured. */
  seconds: number;
  note?: string;
}

const requests = (s: SeriesSet, i: number) => (s.completions[i] ?? 0) + (s.errors[i] ?? 0);
const errorRate = (s: SeriesSet, i: number) => (requests(s, i) > 0 ? s.errors[i] / requests(s, i) : 0);

/**
 * recoverySec of one replication. With b the bucket width, F the end of the last fault and the
 * baseline the buckets lying wholly between the warm-up and the first fault's start: the band is
 * error rate ≤ max(baseline error rates) + 0.005 and p99 ≤ 1.1 × max(baseline p99s). A bucket is
 * within the band when both hold (a bucket with no request is); recovery is the start of the first
 * bucket k, among those starting at or after the bucket holding F, such that k and every later
 * bucket are within the band; recoverySec = max(0, k·b − F). Its resolution is b.
 */
export function recoverySec(obs: Pick<ReplicationObservation, 'settings' | 'faults' | 'timeseries'>): Recovery {
  const { durationSec, warmupSec } = obs.settings;
  const span = faultSpan(obs.faults, durationSec);
  if (!span) return { seconds: NaN, note: 'no fault happened in the run' };
  if (span.toSec >= durationSec) return { seconds: NaN, note: 'the faults last until the end of the run' };
  const s = obs.timeseries.endToEnd;
  const b = obs.timeseries.bucketSec;
  const buckets = Math.min(s.completions.length, Math.ceil(durationSec / b));
  let errorBand = -Infinity;
  let p99Band = -Infinity;
  for (let i = 0; (i + 1) * b <= span.fromSec && i < buckets; i++) {
    if (i * b < warmupSec || requests(s, i) === 0) continue;
    errorBand = Math.max(errorBand, errorRate(s, i));
    if (s.completions[i] > 0) p99Band = Math.max(p99Band, s.latencyP99[i]);
  }
  if (errorBand === -Infinity) return { seconds: NaN, note: 'no traffic between the warm-up and the first fault: no pre-fault band' };
  errorBand += RECOVERY_BAND.errorRateSlack;
  p99Band = p99Band === -Infinity ? Infinity : p99Band * RECOVERY_BAND.p99Factor;
  const within = (i: number) => requests(s, i) === 0 || (errorRate(s, i) <= errorBand && s.completions[i] > 0 && s.latencyP99[i] <= p99Band);
  const first = Math.floor(span.toSec / b);
  let k = buckets;
  while (k > first && within(k - 1)) k--;
  if (k === buckets) return { seconds: Infinity, note: 'not back within the pre-fault band by the end of the run' };
  return { seconds: Math.max(0, k * b - span.toSec) };
}
