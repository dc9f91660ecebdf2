import type { ComponentSpec, DesignSpec, ConnectionSpec } from './flat-design';
import { maxRate } from '../model/arrival-rate';

/** Passes of the traffic equations; a design deeper than this (or an amplifying queue loop) is cut off. */
const MAX_PASSES = 200;

/** Which clients' rates to start the traffic equations from. */
export type LoadLevel = 'base' | 'peak';

/**
 * The arrival rate each component is offered, in requests per second, from the traffic equations
 * of the design (Jackson-style): clients emit their base `arrival.ratePerSec` (at `peak`: the
 * highest rate their arrival profile reaches); a component forwards what it does not answer itself
 * (a CACHE its misses, a station what its `errorRate` does not fail); each connection carries the
 * forwarded rate times its share — `probability` under a `fanOut: "all"` source (every connection
 * is called), the connection's share of the source's weights otherwise. Retries and timeouts are
 * not in it. `include` keeps only some connections (the required ones, for a blast radius).
 *
 * @example expectedArrivalRates(design).get('fraud-check') // 0.1 × the API's rate for probability 0.1
 */
export function expectedArrivalRates(design: DesignSpec, level: LoadLevel = 'base', include: (c: ConnectionSpec) => boolean = () => true): Map<string, number> {
  const byId = new Map(design.components.map((c) => [c.id, c]));
  const totalWeight = new Map<string, number>();
  for (const c of design.connections) totalWeight.set(c.source, (totalWeight.get(c.source) ?? 0) + (c.properties.weight ?? 1));
  const share = (c: ConnectionSpec): number => {
    const source = byId.get(c.source);
    if (source && callsAll(source)) return c.properties.probability ?? 1;
    return (c.properties.weight ?? 1) / (totalWeight.get(c.source) ?? 1);
  };
  const edges = design.connections.filter((c) => byId.has(c.source) && byId.has(c.target) && include(c)).map((c) => ({ source: c.source, target: c.target, share: share(c) }));
  const start = () => new Map<string, number>(design.components.map((c) => [c.id, clientRate(c, level)]));

  let rates = start();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = start();
    for (const e of edges) next.set(e.target, next.get(e.target)! + forwarded(byId.get(e.source)!, rates.get(e.source)!) * e.share);
    let change = 0;
    for (const [id, rate] of next) change = Math.max(change, Math.abs(rate - rates.get(id)!));
    rates = next;
    if (change < 1e-9) break;
  }
  return rates;
}

/** A client's emitted rate at a load level; 0 for every other component. */
export function clientRate(component: ComponentSpec, level: LoadLevel): number {
  const arrival = component.type === 'CLIENT' ? component.properties.arrival : undefined;
  if (!arrival) return 0;
  return level === 'peak' ? maxRate(arrival.ratePerSec, arrival.profile) : arrival.ratePerSec;
}

/** Total rate the clients emit at a load level. */
export function totalClientRate(design: DesignSpec, level: LoadLevel): number {
  return design.components.reduce((sum, c) => sum + clientRate(c, level), 0);
}

/** Whether a station calls every downstream (`fanOut: "all"`) rather than one picked by weight. */
export function callsAll(component: ComponentSpec): boolean {
  return isStation(component) && component.properties.fanOut === 'all';
}

/** SERVICE, DATABASE and CACHE: the components with replicas, workers and a service time. */
export function isStation(component: ComponentSpec): boolean {
  return component.type === 'SERVICE' || component.type === 'DATABASE' || component.type === 'CACHE';
}

/** The rate a component sends on, per connection, of the `rate` it is offered. */
function forwarded(component: ComponentSpec, rate: number): number {
  const p = component.properties;
  switch (component.type) {
    case 'SERVICE':
    case 'DATABASE':
      return rate * (1 - (p.errorRate ?? 0));
    case 'CACHE':
      return rate * (1 - (p.hitRatio ?? 0)) * (1 - (p.errorRate ?? 0));
    default:
      return rate;
  }
}
