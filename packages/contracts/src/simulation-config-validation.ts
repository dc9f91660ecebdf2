import type { Design } from './design.schema';
import type { Fault } from './fault.schema';
import { fromZodIssues, type ValidationIssue, type ValidationOutcome } from './issues';
import { simulationConfigSchema, type SimulationConfig } from './simulation-config.schema';

/** Which component types each fault type can target. */
export const COMPONENT_FAULT_TARGETS: Record<Fault['type'], readonly string[]> = {
  crash: ['SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER', 'QUEUE'],
  error: ['SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER'],
  slowdown: ['SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER'],
  latency: ['SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER'],
  packet_loss: ['CLIENT', 'SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER', 'QUEUE'],
  partition: ['CLIENT', 'SERVICE', 'DATABASE', 'CACHE', 'LOAD_BALANCER', 'QUEUE'],
};
/** Fault types that can target a connection. */
export const CONNECTION_FAULTS: ReadonlySet<Fault['type']> = new Set(['latency', 'packet_loss', 'partition']);

/**
 * Validates a simulation configuration and, given the design it will run, that every fault
 * targets an existing component or connection of a type the fault applies to.
 */
export function validateSimulationConfig(input: unknown, design?: Design): ValidationOutcome<SimulationConfig> {
  const parsed = simulationConfigSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), warnings: [] };
  const config = parsed.data;
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (design) issues.push(...faultTargetIssues(config.faults, design), ...workloadIssues(config, design));
  config.faults.forEach((fault, index) => {
    if (fault.startSec >= config.durationSec) {
      warnings.push({ path: `faults[${index}].startSec`, code: 'after_end', message: `the fault starts at ${fault.startSec}s, after the run ends (${config.durationSec}s); it will not happen` });
    }
  });
  if (config.targetRelError !== undefined && config.maxReplications < config.replications) {
    issues.push({ path: 'maxReplications', code: 'too_small', message: `maxReplications (${config.maxReplications}) must be at least replications (${config.replications})` });
  }
  return issues.length > 0 ? { ok: false, issues, warnings } : { ok: true, value: config, warnings };
}

/** Checks that each fault's target exists and accepts that kind of fault. */
export function faultTargetIssues(faults: readonly Fault[], design: Design): ValidationIssue[] {
  const components = new Map(design.components.map((c) => [c.id, c]));
  const connections = new Set(design.connections.map((c) => c.id));
  const issues: ValidationIssue[] = [];
  faults.forEach((fault, index) => {
    const path = `faults[${index}].target`;
    const component = components.get(fault.target);
    if (component) {
      if (!COMPONENT_FAULT_TARGETS[fault.type].includes(component.type)) {
        issues.push({ path, code: 'invalid_target', message: `a ${fault.type} fault cannot target ${component.type} '${fault.target}'` });
      }
    } else if (connections.has(fault.target)) {
      if (!CONNECTION_FAULTS.has(fault.type)) {
        issues.push({ path, code: 'invalid_target', message: `a ${fault.type} fault targets a component, and '${fault.target}' is a connection` });
      }
    } else {
      issues.push({ path, code: 'unknown_target', message: `no component or connection has id '${fault.target}'` });
    }
  });
  return issues;
}

/** Checks that every client the workload overrides is a CLIENT of the design. */
function workloadIssues(config: SimulationConfig, design: Design): ValidationIssue[] {
  const clients = new Set(design.components.filter((c) => c.type === 'CLIENT').map((c) => c.id));
  return Object.keys(config.workload?.clients ?? {})
    .filter((id) => !clients.has(id))
    .map((id) => ({ path: `workload.clients.${id}`, code: 'invalid_target', message: `'${id}' is not a CLIENT of the design; only clients have a rate to override` }));
}
