import type { NodeStats } from '../metrics/node-stats';
import { CircuitBreaker } from '../model/circuit-breaker';
import { Client } from '../model/client';
import type { SimContext } from '../model/context';
import type { ComponentSpec, DesignSpec } from '../model/design';
import { Link } from '../model/link';
import { LoadBalancer } from '../model/load-balancer';
import { MessageQueue } from '../model/message-queue';
import type { SimNode } from '../model/node';
import { ServerlessStation } from '../model/serverless-station';
import { Station } from '../model/station';
import { createSampler } from '../random/distributions';
import type { Rng } from '../random/rng';

export interface Topology {
  nodes: SimNode[];
  clients: Client[];
  stations: Station[];
  links: Map<string, Link>;
}

/** Instantiates one model per component and one link per connection, in design order. */
export function buildTopology(
  ctx: SimContext,
  design: DesignSpec,
  crashTargets: ReadonlySet<string>,
  makeStats: (componentId: string) => NodeStats,
  linkRng: (connectionId: string) => Rng,
): Topology {
  const nodes: SimNode[] = [];
  const clients: Client[] = [];
  const stations: Station[] = [];
  const byId = new Map<string, SimNode>();
  const fanOutAll = new Set<string>();
  for (const spec of design.components) {
    if (fansOutToAll(spec)) fanOutAll.add(spec.id);
    const stats = makeStats(spec.id);
    let node: SimNode;
    switch (spec.type) {
      case 'CLIENT': {
        const client = new Client(ctx, spec, stats);
        clients.push(client);
        node = client;
        break;
      }
      case 'LOAD_BALANCER':
        node = new LoadBalancer(ctx, spec, stats);
        break;
      case 'QUEUE':
        node = new MessageQueue(ctx, spec, stats);
        break;
      default: {
        const crashable = crashTargets.has(spec.id);
        const station = spec.properties.serverless ? new ServerlessStation(ctx, spec, stats, crashable) : new Station(ctx, spec, stats, crashable);
        stations.push(station);
        node = station;
      }
    }
    const breaker = 'circuitBreaker' in spec.properties ? spec.properties.circuitBreaker : undefined;
    if (breaker) node.breaker = new CircuitBreaker(ctx, node, breaker);
    nodes.push(node);
    byId.set(spec.id, node);
  }
  const links = new Map<string, Link>();
  for (const c of design.connections) {
    const source = byId.get(c.source);
    const target = byId.get(c.target);
    if (!source || !target) throw new Error(`connection ${c.id} joins unknown components; validate the design first`);
    const p = c.properties;
    const fansOut = fanOutAll.has(c.source);
    // Stage and probability only mean something under a source that calls all its downstreams.
    const role = { stage: fansOut ? p.stage : 0, probability: fansOut ? p.probability : 1, optional: p.optional };
    const link = new Link(c.id, source, target, p.weight, p.latency ? createSampler(p.latency) : null, p.packetLossRate, linkRng(c.id), role);
    source.addDownstream(link);
    target.upstream.push(link);
    links.set(c.id, link);
  }
  return { nodes, clients, stations, links };
}

/** SERVICE, DATABASE and CACHE with `fanOut: "all"` call every downstream, in stages. */
function fansOutToAll(spec: ComponentSpec): boolean {
  return (spec.type === 'SERVICE' || spec.type === 'DATABASE' || spec.type === 'CACHE') && spec.properties.fanOut === 'all';
}
