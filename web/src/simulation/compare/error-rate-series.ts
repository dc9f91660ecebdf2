import type { Points } from '../dashboard/align-series';

/**
 * The error rate of each bucket, errors / (completions + errors), from the end-to-end `errors` and
 * `completions` series; a bucket where nothing finished has no rate (a gap, not 0).
 */
export function errorRateSeries(errors: Points | undefined, completions: Points | undefined): Points {
  const done = new Map((completions ?? []).map((p) => [p.timeSec, p.value]));
  const out: { timeSec: number; value: number }[] = [];
  for (const p of errors ?? []) {
    const total = p.value + (done.get(p.timeSec) ?? 0);
    if (total > 0) out.push({ timeSec: p.timeSec, value: p.value / total });
  }
  return out;
}
