import { designSchema, resolveDesign, type DesignInput } from '@architech/contracts';
import { runHosted as hostedRun, simulate as engineSimulate, type DesignSpec, type EngineHost, type HostedRunOptions, type RunConfigSpec, type SimulateOptions, type SimulationResult } from '../src';

/** A component as a design file writes it (defaults may be missing). */
export type ComponentInput = DesignInput['components'][number];
export type ConnectionInput = NonNullable<DesignInput['connections']>[number];
/** Properties of a SERVICE as written. */
export type ServiceProperties = Extract<ComponentInput, { type: 'SERVICE' }>['properties'];

/**
 * A design as written, made into the engine's input the way every caller does it: the schema
 * applies its defaults, `resolveDesign` the connections' call roles.
 */
export function resolved(design: DesignInput): DesignSpec {
  return resolveDesign(designSchema.parse(design));
}

/** `simulate` on a design as written. */
export function simulate(design: DesignInput, config: RunConfigSpec, options?: SimulateOptions): SimulationResult {
  return engineSimulate(resolved(design), config, options);
}

/** `runHosted` on a design as written. */
export function runHosted(design: DesignInput, config: RunConfigSpec, options: HostedRunOptions, host: EngineHost): void {
  hostedRun(resolved(design), config, options, host);
}

/** A run configuration with test-friendly defaults (no traces or logs unless asked). */
export function runConfig(overrides: Partial<RunConfigSpec> = {}): RunConfigSpec {
  return {
    durationSec: 60,
    warmupSec: 0,
    seed: 1,
    replications: 1,
    maxReplications: 50,
    faults: [],
    tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 1000 },
    ...overrides,
  };
}

export function client(id: string, ratePerSec: number, process: 'poisson' | 'constant' = 'poisson'): ComponentInput {
  return { id, type: 'CLIENT', properties: { arrival: { process, ratePerSec } } };
}

export function service(id: string, properties: ServiceProperties): ComponentInput {
  return { id, type: 'SERVICE', properties };
}

export function connect(source: string, target: string, properties: ConnectionInput['properties'] = {}): ConnectionInput {
  return { id: `${source}->${target}`, source, target, properties };
}

/** A chain client → s1 → s2 … with instant connections. */
export function chain(components: ComponentInput[]): DesignInput {
  const connections = components.slice(1).map((c, i) => connect(components[i].id, c.id));
  return { components, connections };
}

/** |actual − expected| / expected. */
export function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
