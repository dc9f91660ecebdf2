import type { Component, Connection } from '@architech/contracts';
import cacheAside from '../../../examples/cache-aside.json';
import checkout from '../../../examples/checkout-fanout.json';
import microservices from '../../../examples/microservices-resilience.json';
import queueWorker from '../../../examples/queue-worker.json';
import threeTier from '../../../examples/three-tier.json';

/** A design to start from: one of the runnable examples shipped in `examples/`. */
export interface DesignTemplate {
  readonly key: string;
  readonly name: string;
  readonly summary: string;
  readonly design: { readonly components: readonly Component[]; readonly connections: readonly Connection[] };
}

type Example = { name: string; description: string; components: unknown[]; connections: unknown[] };

const template = (key: string, summary: string, example: Example): DesignTemplate => ({
  key,
  name: example.name,
  summary,
  design: { components: example.components as Component[], connections: example.connections as Connection[] },
});

/** The templates offered when a design is created, blank first. */
export const TEMPLATES: readonly DesignTemplate[] = [
  { key: 'blank', name: 'Blank canvas', summary: 'Start from nothing.', design: { components: [], connections: [] } },
  template('three-tier', 'Clients → load balancer → web → app → database.', threeTier),
  template('cache-aside', 'A cache in front of a database; misses go through.', cacheAside),
  template('queue-worker', 'A queue with autoscaled consumers.', queueWorker),
  template('microservices', 'A gateway that calls auth, then orders ∥ inventory ∥ optional recommendations; retries and breakers.', microservices),
  template('checkout', 'A call graph in three stages, with a 10 % fraud check and an optional call.', checkout),
];
