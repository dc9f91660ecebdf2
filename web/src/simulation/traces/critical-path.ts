import type { SpanDto } from '@architech/contracts';
import { childrenOf } from './span-tree';

/** Float noise between separately computed times; far below anything a simulation resolves. */
const END_TOLERANCE_MS = 1e-6;

/**
 * The critical path of a trace: the spans that determined when it ended (Jaeger's definition).
 * Inside a span, walk back in time from its end: the child that finished last (by then) is
 * critical; before that child started, the child that finished last by its start is critical, and
 * so on — so calls made in sequence (the stages of a fan-out, a failed attempt before its retry)
 * are all on the path, and of calls made in parallel only the one that finished last is. Then the
 * same inside every critical child. A child still running after its parent ended (the caller timed
 * out: orphaned work) did not hold the parent up. Ties go to the child that started last.
 * Returns span ids in waterfall order (parents first, earlier first); with several roots, the
 * root that ended last.
 */
export function criticalPath(spans: readonly SpanDto[]): string[] {
  const children = childrenOf(spans);
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (span: SpanDto) => {
    if (seen.has(span.spanId)) return;
    seen.add(span.spanId);
    path.push(span.spanId);
    const critical: SpanDto[] = [];
    // Each step takes a child that has not been taken, so a zero-length child cannot be taken twice.
    let candidates = children.get(span.spanId) ?? [];
    let until = span.endMs + END_TOLERANCE_MS;
    for (;;) {
      const next = latestEndingBy(candidates, until, span.startMs - END_TOLERANCE_MS);
      if (!next) break;
      critical.push(next);
      candidates = candidates.filter((c) => c !== next);
      until = next.startMs + END_TOLERANCE_MS;
    }
    for (const child of critical.reverse()) visit(child);
  };
  const root = latestEndingBy(children.get(null) ?? [], Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  if (root) visit(root);
  return path;
}

/** The span that ended last among those ending by `until` (and starting after `notBefore`); ties to the later start. */
function latestEndingBy(list: readonly SpanDto[], until: number, notBefore: number): SpanDto | undefined {
  let best: SpanDto | undefined;
  for (const s of list) {
    if (s.endMs > until || s.startMs < notBefore) continue;
    if (!best || s.endMs > best.endMs || (s.endMs === best.endMs && s.startMs > best.startMs)) best = s;
  }
  return best;
}
