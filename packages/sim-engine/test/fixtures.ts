import type { ComponentSpec, ConnectionSpec, DesignSpec, FaultSpec, RunConfigSpec } from '../src';

/** A run configuration with test-friendly defaults (no traces or logs unless asked). */
export function runConfig(overrides: Partial<RunConfigSpec> = {}): RunConfigSpec {
  return {
    durationSec: 60,
    warmupSec: 0,
    seed: 1,
    replications: 1,
    maxReplications: 50,
    faults: [] as FaultSpec[],
    tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 1000 },
    ...overrides,
  };
}

export function client(id: string, ratePerSec: number, process: 'poisson' | 'constant' = 'poisson'): ComponentSpec {
  return { id, type: 'CLIENT', properties: { arrival: { process, ratePerSec } } };
}

export function service(id: string, properties: ComponentSpec['properties']): ComponentSpec {
  return { id, type: 'SERVICE', properties };
}

export function connect(source: string, target: string, properties: ConnectionSpec['properties'] = {}): ConnectionSpec {
  return { id: `${source}->${target}`, source, target, properties };
}

/** A chain client → s1 → s2 … with instant connections. */
export function chain(components: ComponentSpec[]): DesignSpec {
  const connections = components.slice(1).map((c, i) => connect(components[i].id, c.id));
  return { components, connections };
}

/** |actual − expected| / expected. */
export function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
