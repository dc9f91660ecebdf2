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

/** Provisioned capacity of a station: replicas (autoscaling's ceiling when it scales) × workers. */
export function stationCapacity(c: ComponentSpec): number {
  const p = c.properties;
  const replicas = p.autoscaling ? p.autoscaling.maxReplicas : (p.replicas ?? 1);
  return replicas * (p.workers ?? 1);
}

/** Capacity of a design: the sum over its stations of replicas × workers. */
export function designCapacity(design: DesignSpec): number {
  return design.components.filter((c) => c.type === 'SERVICE' || c.type === 'DATABASE' || c.type === 'CACHE').reduce((sum, c) => sum + stationCapacity(c), 0);
}

/** The replicas of a station as a change: `replicas`, or autoscaling's ceiling when it scales. */
export function replicasChange(c: ComponentSpec, replicas: number, why: string): ProposedChange | undefined {
  const a = c.properties.autoscaling;
  if (a) {
    if (a.maxReplicas === replicas) return undefined;
    return { componentId: c.id, property: 'autoscaling', from: a, to: { ...a, maxReplicas: Math.max(replicas, a.minReplicas) }, why };
  }
  const current = c.properties.replicas ?? 1;
  return current === replicas ? undefined : { componentId: c.id, property: 'replicas', from: current, to: replicas, why };
}
