import type { StoredSpan, StoredTrace, TraceSummary } from '../../ports/trace-store.port';

/**
 * A batch read's answer (`TraceStore.getTraces`), whatever the engine: the traces of `ids` in that
 * order, each with its spans in the order they were read, ids with no stored trace left out.
 * `summaries` and `spans` are the engine's rows (any order across traces), read by `traceIdOf`
 * and turned into the port's shapes by `summaryOf` and `spanOf`.
 */
export function tracesInOrder<T, S>(
  ids: readonly string[],
  summaries: { rows: readonly T[]; traceIdOf: (row: T) => string; summaryOf: (row: T) => TraceSummary },
  spans: { rows: readonly S[]; traceIdOf: (row: S) => string; spanOf: (row: S) => StoredSpan },
): StoredTrace[] {
  const spansOf = new Map<string, StoredSpan[]>();
  for (const row of spans.rows) {
    const id = spans.traceIdOf(row);
    let list = spansOf.get(id);
    if (list === undefined) spansOf.set(id, (list = []));
    list.push(spans.spanOf(row));
  }
  const byId = new Map(summaries.rows.map((row) => [summaries.traceIdOf(row), row]));
  const found: StoredTrace[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row === undefined) continue;
    const { spanCount: _spanCount, components: _components, ...root } = summaries.summaryOf(row);
    found.push({ ...root, spans: spansOf.get(id) ?? [] });
  }
  return found;
}
