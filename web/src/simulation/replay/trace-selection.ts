import type { TraceSummaryDto } from '@architech/contracts';

/** The share of the sample kept for failed traces: enough that errors stand out, not so many they drown the rest. */
const ERROR_SHARE = 1 / 3;

/**
 * Picks `size` traces spread evenly over the run: a third failed ones (more when successful ones are
 * too few), the rest successful, each group sampled at even intervals of its start-ordered list;
 * returned in start order.
 *
 * @example pickSample(page.traces, 240)
 */
export function pickSample(traces: readonly TraceSummaryDto[], size: number): TraceSummaryDto[] {
  const failed = traces.filter((t) => t.status === 'ERROR');
  const ok = traces.filter((t) => t.status !== 'ERROR');
  // Failed traces get their share; successful ones fill the rest, and leave room for more failed ones when short.
  const okCount = Math.min(ok.length, size - Math.min(failed.length, Math.round(size * ERROR_SHARE)));
  const failedCount = Math.min(failed.length, size - okCount);
  return [...evenly(failed, failedCount), ...evenly(ok, okCount)].sort((a, b) => a.startMs - b.startMs);
}

function evenly<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / count)]!);
}
