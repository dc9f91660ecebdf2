import type { ComponentPropertiesSpec, ComponentSpec, DesignSpec } from '../review/flat-design';

/** One property change a refine iteration proposes. */
export interface ProposedChange {
  readonly componentId: string;
  readonly property: keyof ComponentPropertiesSpec;
  readonly from: unknown;
  readonly to: unknown;
  /** Why, in words (the formula or the failed criterion behind it). */
  readonly why: string;
}

/**
 * The design with the changes applied. Every other field (names, positions, waypoints, the
 * description) is kept as it is, so the result can be saved as the next version of the same design.
 */
export function applyChanges<D extends DesignSpec>(design: D, changes: readonly ProposedChange[]): D {
  if (changes.length === 0) return design;
  const components = design.components.map((c) => {
    const mine = changes.filter((ch) => ch.componentId === c.id);
    if (mine.length === 0) return c;
    const properties = { ...c.properties } as Record<string, unknown>;
    for (const ch of mine) properties[ch.property] = ch.to;
    return { ...c, properties } as ComponentSpec;
  });
  return { ...design, components };
}

/** Provisioned capacity of a station: replicas (autoscaling's ceiling when it scales) × workers; a serverless one's `maxConcurrency`. */
export function stationCapacity(c: ComponentSpec): number {
  const p = c.properties;
  if (p.serverless) return p.serverless.maxConcurrency;
  const replicas = p.autoscaling ? p.autoscaling.maxReplicas : (p.replicas ?? 1);
  return replicas * (p.workers ?? 1);
}

/** Capacity of a design: the sum over its stations of replicas × workers. */
export function designCapacity(design: DesignSpec): number {
  return design.components.filter((c) => c.type === 'SERVICE' || c.type === 'DATABASE' || c.type === 'CACHE').reduce((sum, c) => sum + stationCapacity(c), 0);
}

/** Highest `serverless.maxConcurrency` a change proposes (the contracts' LIMITS.maxServerlessConcurrency). */
const MAX_SERVERLESS_CONCURRENCY = 100_000;

/** Instances a serverless station runs at its ceiling: maxConcurrency ÷ calls per instance, rounded up. */
export function serverlessInstances(c: ComponentSpec): number {
  const s = c.properties.serverless;
  return s ? Math.ceil(s.maxConcurrency / s.concurrencyPerInstance) : 0;
}

/**
 * The replicas of a station as a change: `replicas`, or autoscaling's ceiling when it scales. A
 * serverless station has no replicas (validation rejects them): `replicas` instances become its
 * `serverless.maxConcurrency` (instances × calls per instance).
 */
export function replicasChange(c: ComponentSpec, replicas: number, why: string): ProposedChange | undefined {
  const s = c.properties.serverless;
  if (s) {
    const maxConcurrency = Math.min(MAX_SERVERLESS_CONCURRENCY, Math.max(1, replicas * s.concurrencyPerInstance));
    return maxConcurrency === s.maxConcurrency ? undefined : { componentId: c.id, property: 'serverless', from: s, to: { ...s, maxConcurrency }, why };
  }
  const a = c.properties.autoscaling;
  if (a) {
    if (a.maxReplicas === replicas) return undefined;
    return { componentId: c.id, property: 'autoscaling', from: a, to: { ...a, maxReplicas: Math.max(replicas, a.minReplicas) }, why };
  }
  const current = c.properties.replicas ?? 1;
  return current === replicas ? undefined : { componentId: c.id, property: 'replicas', from: current, to: replicas, why };
}
