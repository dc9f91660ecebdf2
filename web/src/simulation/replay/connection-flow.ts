import type { ReplaySeries } from './replay-series';

/** What the flow estimate needs of a connection. */
export interface FlowEdge {
  readonly source: string;
  readonly target: string;
  /** Routing weight (default 1); ignored when `probability` is set. */
  readonly weight: number;
  /**
   * Set when the source calls all its downstreams (`fanOut: "all"`): the share of the source's
   * requests that make this call (default 1) — every branch carries it, they are not split.
   */
  readonly probability?: number;
}

/** Keeps a source with no measured arrivals from zeroing its share: its edges split by weight alone. */
const EPSILON = 1e-9;

/**
 * Requests per second crossing each connection in each bucket, row-major like {@link ReplaySeries}
 * (`edge * buckets + bucket`). The engine measures components, not connections, so the flow is
 * reconstructed: a target's measured arrivals are split among its incoming connections in
 * proportion to what each source would send it — the source's arrivals times the connection's
 * share of the source's routing weights (or, when the source fans out to all its downstreams, the
 * source's arrivals times the call's probability). With one incoming connection (the usual case) that is
 * exactly the target's arrival rate, retries included; with several it is the best split the
 * series allow (a CACHE forwards only misses and a LOAD_BALANCER may not follow weights, but both
 * errors cancel out in the normalisation whenever they are the only upstream).
 *
 * @example
 * const flows = connectionFlows(flowEdges(doc), series);
 */
export function connectionFlows(edges: readonly FlowEdge[], series: ReplaySeries): Float32Array {
  const { buckets, rowOf, arrivalsPerSec } = series;
  const flows = new Float32Array(edges.length * buckets);
  const sourceRow = edges.map((e) => rowOf.get(e.source) ?? -1);
  const targetRow = edges.map((e) => rowOf.get(e.target) ?? -1);
  const outWeight = new Map<string, number>();
  for (const e of edges) if (e.probability === undefined) outWeight.set(e.source, (outWeight.get(e.source) ?? 0) + e.weight);
  const share = edges.map((e) => e.probability ?? e.weight / outWeight.get(e.source)!);

  const components = rowOf.size;
  const offered = new Float64Array(edges.length);
  const offeredTo = new Float64Array(components);
  for (let b = 0; b < buckets; b++) {
    offeredTo.fill(0);
    for (let i = 0; i < edges.length; i++) {
      if (sourceRow[i] < 0 || targetRow[i] < 0) continue;
      offered[i] = (arrivalsPerSec[sourceRow[i] * buckets + b] + EPSILON) * share[i];
      offeredTo[targetRow[i]] += offered[i];
    }
    for (let i = 0; i < edges.length; i++) {
      const t = targetRow[i];
      if (sourceRow[i] < 0 || t < 0) continue;
      flows[i * buckets + b] = (arrivalsPerSec[t * buckets + b] * offered[i]) / offeredTo[t];
    }
  }
  return flows;
}

/** The flow edges of a document: each connection with its weight, or its probability under a fan-out source. */
export function flowEdges(doc: { readonly components: readonly { readonly id: string; readonly properties: object }[]; readonly connections: readonly { readonly source: string; readonly target: string; readonly properties: object }[] }): FlowEdge[] {
  const fansOut = new Set(doc.components.filter((c) => (c.properties as { fanOut?: unknown }).fanOut === 'all').map((c) => c.id));
  return doc.connections.map((c) => {
    const p = c.properties as { weight?: unknown; probability?: unknown };
    const weight = typeof p.weight === 'number' ? p.weight : 1;
    if (!fansOut.has(c.source)) return { source: c.source, target: c.target, weight };
    return { source: c.source, target: c.target, weight, probability: typeof p.probability === 'number' ? p.probability : 1 };
  });
}
