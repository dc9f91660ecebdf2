import type { Component, Connection, Design } from '@architech/contracts';

/** Passes of the traffic equations; a design deeper than this (or an amplifying queue loop) is cut off. */
const MAX_PASSES = 200;

/**
 * The arrival rate each component is offered, in requests per second, from the traffic equations
 * of the design (Jackson-style): clients emit their base `arrival.ratePerSec`; a component forwards
 * what it does not answer itself (a CACHE its misses, a station what its `errorRate` does not fail);
 * each connection carries the forwarded rate times its share — `probability` under a
 * `fanOut: "all"` source (every connection is called), the connection's share of the source's
 * weights otherwise. Retries and timeouts are not in it (the measured arrivals include them), nor
 * arrival profiles (the base rate is used).
 *
 * @example expectedArrivalRates(design).get('fraud-check') // 0.1 × the API's rate for probability 0.1
 */
export function expectedArrivalRates(design: Design): Map<string, number> {
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const totalWeight = new Map<string, number>();
  for (const c of design.connections) totalWeight.set(c.source, (totalWeight.get(c.source) ?? 0) + (c.properties.weight ?? 1));
  const share = (c: Connection): number => {
    const source = byId.get(c.source);
    if (source && callsAll(source)) return c.properties.probability ?? 1;
    return (c.properties.weight ?? 1) / (totalWeight.get(c.source) ?? 1);
  };
  const edges = design.connections.filter((c) => byId.has(c.source) && byId.has(c.target)).map((c) => ({ source: c.source, target: c.target, share: share(c) }));

  let rates = new Map<string, number>(design.components.map((c) => [c.id, c.type === 'CLIENT' ? c.properties.arrival.ratePerSec : 0]));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = new Map<string, number>(design.components.map((c) => [c.id, c.type === 'CLIENT' ? c.properties.arrival.ratePerSec : 0]));
    for (const e of edges) next.set(e.target, next.get(e.target)! + forwarded(byId.get(e.source)!, rates.get(e.source)!) * e.share);
    let change = 0;
    for (const [id, rate] of next) change = Math.max(change, Math.abs(rate - rates.get(id)!));
    rates = next;
    if (change < 1e-9) break;
  }
  return rates;
}

function callsAll(component: Component): boolean {
  return (component.type === 'SERVICE' || component.type === 'DATABASE' || component.type === 'CACHE') && component.properties.fanOut === 'all';
}

/** The rate a component sends on, per connection, of the `rate` it is offered. */
function forwarded(component: Component, rate: number): number {
  switch (component.type) {
    case 'SERVICE':
    case 'DATABASE':
      return rate * (1 - component.properties.errorRate);
    case 'CACHE':
      return rate * (1 - component.properties.hitRatio) * (1 - component.properties.errorRate);
    default:
      return rate;
  }
}
