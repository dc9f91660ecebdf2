import type { DesignSpec } from '../review/flat-design';
import type { SimulationResult } from '../runtime/result';
import type { ProposedChange } from './design-edit';
import type { CriterionResult } from './goal';

export type RefineState = 'generating' | 'validating' | 'optimizing' | 'accepted' | 'stopped' | 'failed';
export type RefineTerminal = { state: 'accepted'; reason?: undefined } | { state: 'stopped'; reason: 'iteration_limit' | 'timeout' } | { state: 'failed'; reason: 'simulation_failed' | 'nothing_to_propose' };

/** The result of validating one proposal. */
export interface ValidationRecord {
  iteration: number;
  passed: boolean;
  criteria: CriterionResult[];
  /** Stations the run showed busy (utilisation ≥ 0.6), dropping or timing out. */
  bottlenecks: string[];
}

/** One immutable record of a refine run, in order. */
export type TimelineEntry = Readonly<
  { seq: number; iteration: number } & (
    | { kind: 'transition'; state: RefineState; reason?: string }
    | { kind: 'proposal'; changes: readonly ProposedChange[]; capacity: number }
    | { kind: 'validation'; result: ValidationRecord }
    | { kind: 'retry'; text: string }
    | { kind: 'note'; text: string }
  )
>;

/** Append-only: entries are frozen when recorded and never change. */
export class RefineTimeline {
  private readonly list: TimelineEntry[] = [];

  constructor(private readonly onEntry?: (entry: TimelineEntry) => void) {}

  private add(entry: Record<string, unknown> & { iteration: number; kind: TimelineEntry['kind'] }): void {
    const frozen = deepFreeze({ seq: this.list.length, ...entry }) as TimelineEntry;
    this.list.push(frozen);
    this.onEntry?.(frozen);
  }

  transition(state: RefineState, iteration: number, reason?: string): void {
    this.add({ kind: 'transition', iteration, state, ...(reason ? { reason } : {}) });
  }

  proposal(iteration: number, changes: readonly ProposedChange[], capacity: number): void {
    this.add({ kind: 'proposal', iteration, changes: clone(changes), capacity });
  }

  validation(result: ValidationRecord): void {
    this.add({ kind: 'validation', iteration: result.iteration, result: clone(result) });
  }

  retry(iteration: number, text: string): void {
    this.add({ kind: 'retry', iteration, text });
  }

  note(iteration: number, text: string): void {
    this.add({ kind: 'note', iteration, text });
  }

  entries(): readonly TimelineEntry[] {
    return Object.freeze([...this.list]);
  }
}

/** A deep copy of plain data (the engine targets no DOM or Node globals). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Stations of a run that are busy (utilisation ≥ 0.6), drop more than 0.1% of arrivals, or time out. */
export function bottlenecks(design: DesignSpec, result: SimulationResult): string[] {
  return design.components
    .filter((c) => c.type === 'SERVICE' || c.type === 'DATABASE' || c.type === 'CACHE')
    .filter((c) => {
      const s = result.summary.components[c.id];
      if (!s) return false;
      return s.utilization >= 0.6 || (s.arrivals > 0 && (s.drops + s.timeouts) / s.arrivals > 0.001);
    })
    .map((c) => c.id);
}
