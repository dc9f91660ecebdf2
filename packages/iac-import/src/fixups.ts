import type { Draft } from './draft';
import type { DraftComponent } from './types';

const CONSUMER_NAME = /(worker|consumer|processor|subscriber|listener|handler|indexer|ingest)/i;

function callers(draft: Draft, key: string): string[] {
  return draft.edges.filter((e) => e.to === key).map((e) => e.from);
}

function downstreams(draft: Draft, key: string): string[] {
  return draft.edges.filter((e) => e.from === key).map((e) => e.to);
}

function removeEdge(draft: Draft, from: string, to: string): void {
  const i = draft.edges.findIndex((e) => e.from === from && e.to === to);
  if (i >= 0) draft.edges.splice(i, 1);
}

/**
 * Cache-aside: a service that talks to one cache and to databases reads through the cache, so the
 * cache's misses go to those databases (the engine forwards a CACHE's misses downstream).
 */
function routeThroughCaches(draft: Draft): void {
  for (const c of draft.components.values()) {
    if (c.type !== 'SERVICE') continue;
    const next = downstreams(draft, c.key).map((k) => draft.components.get(k)!);
    const caches = next.filter((n) => n.type === 'CACHE');
    const databases = next.filter((n) => n.type === 'DATABASE');
    if (caches.length !== 1 || databases.length === 0) continue;
    const cache = caches[0];
    for (const db of databases) {
      draft.connect(cache.key, db.key, `cache-aside: ${c.name} uses both ${cache.name} and ${db.name}`, cache);
      removeEdge(draft, c.key, db.key);
    }
    draft.assume(`${c.name} reads ${databases.map((d) => d.name).join(', ')} through the cache ${cache.name} (cache-aside): misses go to the database`, c);
  }
}

/** A QUEUE needs a consumer: callers named like workers consume; a queue with none is set aside as a note. */
function settleQueues(draft: Draft): void {
  for (const q of [...draft.components.values()]) {
    if (q.type !== 'QUEUE' || downstreams(draft, q.key).length > 0) continue;
    const consumers = callers(draft, q.key).filter((k) => {
      const c = draft.components.get(k)!;
      return c.consumerHint || CONSUMER_NAME.test(c.name);
    });
    const producers = callers(draft, q.key).filter((k) => !consumers.includes(k));
    if (consumers.length > 0 && producers.length > 0) {
      for (const k of consumers) {
        removeEdge(draft, k, q.key);
        draft.connect(q.key, k, `${draft.components.get(k)!.name} is named like a consumer of ${q.name}`, q);
      }
      draft.assume(`${q.name}: ${consumers.map((k) => draft.components.get(k)!.name).join(', ')} consume (named like workers); ${producers.map((k) => draft.components.get(k)!.name).join(', ')} publish`, q);
      continue;
    }
    dropComponent(draft, q, `${q.resource} ${q.name} has no consumer these files name; set aside (add its consumer and connect it to use it)`);
  }
}

function dropComponent(draft: Draft, c: DraftComponent, why: string): void {
  draft.components.delete(c.key);
  for (let i = draft.edges.length - 1; i >= 0; i--) {
    if (draft.edges[i].from === c.key || draft.edges[i].to === c.key) draft.edges.splice(i, 1);
  }
  draft.note(c.resource, why, c);
}

/** A load balancer with no known target routes to every uncalled service; with none it is set aside. */
function settleLoadBalancers(draft: Draft): void {
  for (const lb of [...draft.components.values()]) {
    if (lb.type !== 'LOAD_BALANCER' || downstreams(draft, lb.key).length > 0) continue;
    const orphans = [...draft.components.values()].filter(
      (c) => c.type === 'SERVICE' && callers(draft, c.key).length === 0,
    );
    if (orphans.length === 0) {
      dropComponent(draft, lb, `${lb.resource} ${lb.name} routes to nothing these files name; set aside`);
      continue;
    }
    for (const o of orphans) draft.connect(lb.key, o.key, `${lb.name} names no target; ${o.name} is called by nothing else`, lb);
    draft.assume(`${lb.name} names no target: assumed to route to ${orphans.map((o) => o.name).join(', ')} (not called by anything else)`, lb);
  }
}

/**
 * Breaks synchronous cycles (services calling each other: legal in the sources, a request calling
 * itself forever in a simulation) at the edge that closes them in a walk from the entry points.
 */
function breakCycles(draft: Draft, entries: readonly string[]): void {
  for (;;) {
    const state = new Map<string, 1 | 2>();
    let closing: { from: string; to: string } | undefined;
    const visit = (key: string): void => {
      state.set(key, 1);
      if (draft.components.get(key)!.type !== 'QUEUE') {
        for (const next of downstreams(draft, key)) {
          if (closing) return;
          const s = state.get(next);
          if (s === 1) closing = { from: key, to: next };
          else if (s === undefined) visit(next);
        }
      }
      state.set(key, 2);
    };
    for (const key of [...entries, ...draft.components.keys()]) {
      if (!closing && !state.has(key)) visit(key);
    }
    if (!closing) return;
    const edge = draft.edges.find((e) => e.from === closing!.from && e.to === closing!.to)!;
    removeEdge(draft, edge.from, edge.to);
    const [a, b] = [draft.components.get(edge.from)!, draft.components.get(edge.to)!];
    draft.assume(`${a.name} → ${b.name} (${edge.evidence}) closes a synchronous call cycle; left out (a request would call itself forever). Route it through a queue if it is asynchronous`, edge);
  }
}

/** The components a synthetic client should call: uncalled load balancers, else uncalled services. */
export function entryPoints(draft: Draft): string[] {
  const uncalled = [...draft.components.values()].filter((c) => callers(draft, c.key).length === 0);
  const lbs = uncalled.filter((c) => c.type === 'LOAD_BALANCER');
  if (lbs.length > 0) return lbs.map((c) => c.key);
  const services = uncalled.filter((c) => c.type === 'SERVICE');
  if (services.length > 0) return services.map((c) => c.key);
  return [...draft.components.values()].filter((c) => c.type === 'SERVICE' || c.type === 'LOAD_BALANCER').slice(0, 1).map((c) => c.key);
}

/** Everything that turns what the sources say into what the engine can run, each step stated. */
export function applyFixups(draft: Draft): void {
  routeThroughCaches(draft);
  settleQueues(draft);
  settleLoadBalancers(draft);
  breakCycles(draft, entryPoints(draft));
}

export { downstreams, callers };
