import type { StoredSpan, StoredTrace, TraceSummary } from '../../ports/trace-store.port';

/** Page size when a trace or log query gives no `limit`. */
export const DEFAULT_PAGE_LIMIT = 100;

/**
 * The components a trace touched, each once, in the order their first span starts (ties keep the
 * order the engine emitted them). Stored with the trace so "traces through component X" is one
 * lookup on the trace row instead of a scan of its spans.
 */
export function componentsOf(spans: readonly StoredSpan[]): string[] {
  const byStart = spans.map((span, index) => ({ span, index })).sort((a, b) => a.span.startMs - b.span.startMs || a.index - b.index);
  return [...new Set(byStart.map(({ span }) => span.componentId))];
}

/** The summary row of a trace: its root facts, span count and components, without the spans. */
export function summarizeTrace(trace: StoredTrace): TraceSummary {
  const { spans, ...root } = trace;
  return { ...root, spanCount: spans.length, components: componentsOf(spans) };
}
