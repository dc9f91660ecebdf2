import type { SpanDto } from '@architech/contracts';

/** A span in waterfall order, with its depth under the root. */
export interface SpanRow {
  readonly span: SpanDto;
  readonly depth: number;
  readonly childCount: number;
  /** Time spent in the span itself: its duration less the time covered by its children. */
  readonly selfMs: number;
}

const byStart = (a: SpanDto, b: SpanDto) => a.startMs - b.startMs || a.endMs - b.endMs || (a.spanId < b.spanId ? -1 : 1);

/** Children of each span id, in start order; spans whose parent is missing are under `null`. */
export function childrenOf(spans: readonly SpanDto[]): Map<string | null, SpanDto[]> {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | null, SpanDto[]>();
  for (const span of spans) {
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) && span.parentSpanId !== span.spanId ? span.parentSpanId : null;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(span);
  }
  for (const list of children.values()) list.sort(byStart);
  return children;
}

/**
 * The spans of a trace depth first, each parent before its children and siblings by start time,
 * as a Jaeger waterfall lists them. A span whose parent is not in the trace is shown as a root.
 */
export function spanTree(spans: readonly SpanDto[]): SpanRow[] {
  const children = childrenOf(spans);
  const rows: SpanRow[] = [];
  const seen = new Set<string>();
  const visit = (span: SpanDto, depth: number) => {
    // Ids come from the stored data: never loop on a malformed trace.
    if (seen.has(span.spanId)) return;
    seen.add(span.spanId);
    const kids = children.get(span.spanId) ?? [];
    rows.push({ span, depth, childCount: kids.length, selfMs: selfTime(span, kids) });
    for (const child of kids) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  return rows;
}

/** The part of `span` not covered by any child (children clipped to the span, overlaps counted once). */
export function selfTime(span: SpanDto, children: readonly SpanDto[]): number {
  const intervals = children
    .map((c) => [Math.max(span.startMs, c.startMs), Math.min(span.endMs, c.endMs)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let until = -Infinity;
  for (const [a, b] of intervals) {
    if (b <= until) continue;
    covered += b - Math.max(a, until);
    until = b;
  }
  return Math.max(0, span.endMs - span.startMs - covered);
}
