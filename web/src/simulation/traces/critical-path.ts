import type { SpanDto } from '@architech/contracts';
import { childrenOf } from './span-tree';

/** Float noise between separately computed times; far below anything a simulation resolves. */
const END_TOLERANCE_MS = 1e-6;

/**
 * The critical path of a trace: the chain of spans from the root that determines when it ended.
 * From the root, repeatedly step to the child that finished last — among the children that
 * finished by the time their parent did: a child still running after its parent ended (the caller
 * timed out, orphaned work) did not hold the parent up. Ties go to the child that started last.
 * Returns span ids, root first; with several roots, the one that ended last.
 */
export function criticalPath(spans: readonly SpanDto[]): string[] {
  const children = childrenOf(spans);
  const latest = (list: readonly SpanDto[]) => list.reduce<SpanDto | undefined>((best, s) => (!best || s.endMs > best.endMs || (s.endMs === best.endMs && s.startMs > best.startMs) ? s : best), undefined);
  const path: string[] = [];
  const seen = new Set<string>();
  let current = latest(children.get(null) ?? []);
  while (current && !seen.has(current.spanId)) {
    seen.add(current.spanId);
    path.push(current.spanId);
    const parent: SpanDto = current;
    current = latest((children.get(parent.spanId) ?? []).filter((c) => c.endMs <= parent.endMs + END_TOLERANCE_MS));
  }
  return path;
}
