import type { RetrySpec } from '../model/design';
import type { DesignSpec } from '../review/flat-design';
import { reviewFindings } from '../review/review';
import type { ProposedChange } from './design-edit';

/** The retry a refine run adds in front of a station that fails requests on its own. */
export const REFINE_RETRY: RetrySpec = { maxAttempts: 3, backoff: 'exponential', baseMs: 50, maxBackoffMs: 1000, jitter: true };

/** Review rules whose mechanical fixes a refine run applies as resilience settings. */
const RESILIENCE_RULES = new Set(['retry-without-backoff', 'retry-amplification', 'cascading-blocking-call']);

/**
 * Resilience settings for a run whose error criteria failed: retries (exponential backoff with
 * jitter) on calls to stations that fail requests themselves (`errorRate` > 0) and have none, then
 * the review's mechanical fixes for retries without backoff, retry amplification and blocking
 * calls without a timeout below them.
 */
export function resilienceChanges(design: DesignSpec): ProposedChange[] {
  const changes: ProposedChange[] = [];
  for (const c of design.components) {
    if ((c.properties.errorRate ?? 0) > 0 && !c.properties.retry) {
      changes.push({ componentId: c.id, property: 'retry', from: undefined, to: { ...REFINE_RETRY }, why: `${c.id} fails ${+((c.properties.errorRate ?? 0) * 100).toFixed(2)}% of calls itself: retry them (3 attempts, exponential backoff with jitter)` });
    }
  }
  const byId = new Map(design.components.map((c) => [c.id, c]));
  for (const f of reviewFindings(design)) {
    if (f.outcome === 'pass' || !RESILIENCE_RULES.has(f.rule) || !f.fix) continue;
    for (const ch of f.fix.changes) {
      for (const [property, to] of Object.entries(ch.properties)) {
        if (changes.some((x) => x.componentId === ch.componentId && x.property === property)) continue;
        const from = byId.get(ch.componentId)?.properties[property as keyof typeof ch.properties];
        changes.push({ componentId: ch.componentId, property: property as ProposedChange['property'], from, to, why: `review: ${f.reason}` });
      }
    }
  }
  return changes;
}
