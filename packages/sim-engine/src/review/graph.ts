import type { ComponentSpec, DesignSpec, ConnectionSpec } from './flat-design';
import type { DistributionSpec } from '../random/distributions';
import { distributionMean } from '../random/distributions';
import { isStation } from './traffic';

/** z of the standard normal's 99th percentile. */
const Z99 = 2.3263;

/** Adjacency of a design, read once by every rule. */
export class DesignGraph {
  readonly byId: ReadonlyMap<string, ComponentSpec>;
  private readonly out = new Map<string, ConnectionSpec[]>();
  private readonly into = new Map<string, ConnectionSpec[]>();

  constructor(readonly design: DesignSpec) {
    this.byId = new Map(design.components.map((c) => [c.id, c]));
    for (const c of design.connections) {
      if (!this.byId.has(c.source) || !this.byId.has(c.target)) continue;
      push(this.out, c.source, c);
      push(this.into, c.target, c);
    }
  }

  /** Connections leaving a component, in design order. */
  downstream(id: string): readonly ConnectionSpec[] {
    return this.out.get(id) ?? [];
  }

  /** Connections arriving at a component, in design order. */
  upstream(id: string): readonly ConnectionSpec[] {
    return this.into.get(id) ?? [];
  }

  component(id: string): ComponentSpec {
    return this.byId.get(id)!;
  }

  /** A component's display name: its name when it has one, else its id. */
  label(id: string): string {
    const c = this.byId.get(id);
    return c?.name ? `${c.name} (${id})` : id;
  }

  /**
   * Every call path from a client, as component ids, following synchronous calls (a QUEUE ends a
   * path: its consumers run on their own). Capped so a wide design cannot explode.
   */
  clientPaths(limit = 500): string[][] {
    const paths: string[][] = [];
    const walk = (path: string[]): void => {
      if (paths.length >= limit) return;
      const last = path[path.length - 1];
      const next = this.component(last).type === 'QUEUE' && path.length > 1 ? [] : this.downstream(last);
      if (next.length === 0 || path.length > 64) {
        paths.push(path);
        return;
      }
      for (const c of next) if (!path.includes(c.target)) walk([...path, c.target]);
    };
    for (const c of this.design.components) if (c.type === 'CLIENT') walk([c.id]);
    return paths;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The 99th percentile of a duration distribution (ms): exact for constant, uniform, exponential, (log)normal. */
export function distributionP99(spec: DistributionSpec): number {
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'exponential':
      return spec.mean * Math.log(100);
    case 'uniform':
      return spec.min + 0.99 * (spec.max - spec.min);
    case 'normal':
      return Math.max(0, spec.mean + Z99 * spec.stddev);
    case 'lognormal': {
      if (spec.stddev === 0) return spec.mean;
      const sigma2 = Math.log(1 + (spec.stddev * spec.stddev) / (spec.mean * spec.mean));
      return Math.exp(Math.log(spec.mean) - sigma2 / 2 + Z99 * Math.sqrt(sigma2));
    }
  }
}

/** Mean service time of a station in ms (0 for components without one). */
export function meanServiceMs(component: ComponentSpec): number {
  const st = component.properties.serviceTime;
  return st ? distributionMean(st) : 0;
}

/** Mean one-way latency of a connection in ms. */
export function meanLinkMs(connection: ConnectionSpec): number {
  return connection.properties.latency ? distributionMean(connection.properties.latency) : 0;
}

/**
 * The no-queueing time (ms) a component takes to answer, downstream calls included: its service
 * time (mean or p99), plus for a forwarding component the round trips of its calls — every call
 * of a `fanOut: "all"` station (stages add up, calls of a stage overlap: the longest counts), the
 * slowest possible pick otherwise — each call capped by the callee's `timeoutMs`. A QUEUE answers
 * its producer at once. It is a lower bound of the real response time (no waiting in queues).
 */
export function pathTimeMs(graph: DesignGraph, id: string, stat: 'mean' | 'p99', seen: ReadonlySet<string> = new Set()): number {
  const component = graph.component(id);
  if (component.type === 'QUEUE' || seen.has(id)) return 0;
  const own = component.properties.serviceTime ? (stat === 'p99' ? distributionP99(component.properties.serviceTime) : distributionMean(component.properties.serviceTime)) : 0;
  const calls = graph.downstream(id);
  if (calls.length === 0) return own;
  const inner = new Set(seen).add(id);
  const roundTrip = (c: ConnectionSpec): number => {
    const callee = graph.component(c.target);
    const time = 2 * meanLinkMs(c) + pathTimeMs(graph, c.target, stat, inner);
    return callee.properties.timeoutMs !== undefined ? Math.min(time, callee.properties.timeoutMs) : time;
  };
  if (isStation(component) && component.properties.fanOut === 'all') {
    const stages = new Map<number, number>();
    for (const c of calls) stages.set(c.properties.stage ?? 1, Math.max(stages.get(c.properties.stage ?? 1) ?? 0, roundTrip(c)));
    return own + [...stages.values()].reduce((a, b) => a + b, 0);
  }
  return own + Math.max(...calls.map(roundTrip));
}
