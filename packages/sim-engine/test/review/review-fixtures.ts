import type { ComponentSpec, DesignSpec } from '../../src';
import { reviewFindings, type Finding } from '../../src';
import { client, connect } from '../fixtures';

/** A station with the schema's defaults filled in. */
export function station(id: string, props: ComponentSpec['properties'] = {}, type: 'SERVICE' | 'DATABASE' | 'CACHE' = 'SERVICE'): ComponentSpec {
  return { id, type, properties: { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 10 }, blockingCalls: false, fanOut: 'one', errorRate: 0, ...props } };
}

/** clients (100/s) → api → db, healthy: 2 replicas each, timeouts, low load. */
export function healthy(overrides: { api?: ComponentSpec['properties']; db?: ComponentSpec['properties']; rate?: number } = {}): DesignSpec {
  return {
    components: [client('clients', overrides.rate ?? 100), station('api', { timeoutMs: 2000, ...overrides.api }), station('db', { timeoutMs: 1000, ...overrides.db }, 'DATABASE')],
    connections: [connect('clients', 'api'), connect('api', 'db')],
  };
}

/** The non-pass findings of one rule. */
export function flagged(design: DesignSpec, rule: string): Finding[] {
  return reviewFindings(design).filter((f) => f.rule === rule && f.outcome !== 'pass');
}

/** The one finding of a rule (asserting there is exactly one, pass included). */
export function only(design: DesignSpec, rule: string): Finding {
  const found = reviewFindings(design).filter((f) => f.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule} finding, got ${found.length}`);
  return found[0];
}
