import type { RunConfigSpec } from '../model/design';
import { engineDesign, type DesignSpec } from '../review/flat-design';
import type { SimulationResult } from '../runtime/result';
import { simulate } from '../runtime/simulate';
import { MAX_REPLICAS } from '../review/context';
import { applyChanges, designCapacity, replicasChange, type ProposedChange } from './design-edit';
import type { CriterionResult, Goal } from './goal';
import { costTrim } from './cost-objective';
import { resilienceChanges } from './resilience';
import { analyticMinimumCapacity, currentReplicas, FIRST_TARGET, sizeStations, TIGHTER_TARGETS, type SizingTarget } from './sizing';
import { bottlenecks, RefineTimeline, type RefineState, type RefineTerminal, type TimelineEntry, type ValidationRecord } from './timeline';

/** Iterations of a refine run, at most. */
export const MAX_REFINE_ITERATIONS = 3;

/** How a refine run validates its proposals. */
export interface RefineRunSettings {
  seed: number;
  durationSec: number;
  warmupSec: number;
  replications: number;
  maxEvents: number;
}

export const DEFAULT_REFINE_RUN: RefineRunSettings = { seed: 1, durationSec: 60, warmupSec: 10, replications: 2, maxEvents: 20_000_000 };

export interface RefineOptions {
  run?: Partial<RefineRunSettings>;
  /** 1–3 (default 3). */
  maxIterations?: number;
  /** Wall-clock budget in ms, read with `clock`; past it the run stops (`timeout`) before the next step. */
  timeoutMs?: number;
  clock?: () => number;
  /** Each timeline entry as it is recorded (for live progress). */
  onEntry?: (entry: TimelineEntry) => void;
  shouldCancel?: () => boolean;
}

/** The outcome of a refine run. */
export interface RefineResult<D extends DesignSpec> {
  state: RefineTerminal['state'];
  reason?: RefineTerminal['reason'];
  iterations: number;
  goal: string;
  /** The proposed design (the last one validated); the input design when nothing was proposed. */
  design: D;
  /** Every change from the input design to `design`, in order. */
  changes: ProposedChange[];
  capacity: { before: number; after: number; analyticMinimum: number };
  /** The last validation: each criterion with its evidence. */
  validation?: ValidationRecord;
  timeline: readonly TimelineEntry[];
  run: RefineRunSettings;
}

/**
 * The refine loop: `generating → validating → (accepted | optimizing → generating …)`, at most
 * `maxIterations` times. Iteration 1 sizes every station from queueing formulas (M/M/c, Erlang C)
 * for the least capacity that meets the first target; each later iteration feeds the failed
 * criteria back: latency/throughput failures tighten the target of the bottleneck stations (those
 * the run showed busy, dropping or timing out), error failures add resilience settings. Every
 * proposal is validated by simulation against every criterion of the goal, which never changes;
 * the run is `accepted` only when all pass. With the goal's `cost` objective an accepted design is
 * then trimmed one most-expensive replica at a time (`costTrim`) while iterations remain, keeping the
 * last design that met the goal. Deterministic per seed (the wall-clock timeout aside).
 */
export function refineDesign<D extends DesignSpec>(input: D, goal: Goal, options: RefineOptions = {}): RefineResult<D> {
  const run = { ...DEFAULT_REFINE_RUN, ...options.run };
  const maxIterations = Math.min(MAX_REFINE_ITERATIONS, Math.max(1, options.maxIterations ?? MAX_REFINE_ITERATIONS));
  const timeline = new RefineTimeline(options.onEntry);
  const started = options.clock?.() ?? 0;
  const timedOut = () => options.timeoutMs !== undefined && options.clock !== undefined && options.clock() - started > options.timeoutMs;
  const targets = new Map<string, number>();
  let design = input;
  let changes: ProposedChange[] = [];
  let validation: ValidationRecord | undefined;
  let iteration = 0;
  /** With a `cost` objective: the last design that met the goal, kept while cheaper ones are tried. */
  let passing: { design: D; changes: ProposedChange[]; validation: ValidationRecord } | undefined;

  const finish = (end: RefineTerminal): RefineResult<D> => {
    let terminal = end;
    if (terminal.state !== 'accepted' && passing) {
      // A cost trim was cut short (timeout, failed run): the last design that met the goal stands.
      ({ design, changes, validation } = passing);
      timeline.note(iteration, `${terminal.reason}: keeping the design validated in iteration ${validation.iteration}`);
      terminal = { state: 'accepted' };
    }
    timeline.transition(terminal.state, iteration, terminal.reason);
    return { ...terminal, iterations: iteration, goal: goal.description, design, changes, capacity: { before: designCapacity(input), after: designCapacity(design), analyticMinimum: analyticMinimumCapacity(input) }, validation, timeline: timeline.entries(), run };
  };

  timeline.note(iteration, `goal: ${goal.description} (fixed for the whole run)`);
  while (iteration < maxIterations) {
    if (timedOut()) return finish({ state: 'stopped', reason: 'timeout' });
    iteration++;
    timeline.transition('generating', iteration);
    const proposal = validation?.passed ? costTrim(design) : propose(design, iteration, validation, targets);
    if (iteration > 1 && proposal.length === 0) return finish({ state: 'failed', reason: 'nothing_to_propose' });
    design = applyChanges(design, proposal);
    changes = [...changes, ...proposal];
    timeline.proposal(iteration, proposal, designCapacity(design));
    if (timedOut()) return finish({ state: 'stopped', reason: 'timeout' });
    timeline.transition('validating', iteration);
    const result = validate(design, run, timeline, iteration, options.shouldCancel);
    if (!result) return finish({ state: 'failed', reason: 'simulation_failed' });
    const criteria = goal.evaluate(result);
    validation = { iteration, criteria, passed: criteria.length > 0 && criteria.every((c) => c.passed), bottlenecks: bottlenecks(design, result) };
    timeline.validation(validation);
    if (validation.passed) {
      if (goal.objective !== 'cost' || iteration >= maxIterations || costTrim(design).length === 0) return finish({ state: 'accepted' });
      passing = { design, changes, validation };
    } else if (passing) {
      ({ design, changes, validation } = passing);
      timeline.note(iteration, `the cheaper design missed the goal: keeping the one validated in iteration ${validation.iteration}`);
      return finish({ state: 'accepted' });
    }
    if (iteration < maxIterations) timeline.transition('optimizing', iteration);
  }
  return finish({ state: 'stopped', reason: 'iteration_limit' });
}

function propose(design: DesignSpec, iteration: number, last: ValidationRecord | undefined, targets: Map<string, number>): ProposedChange[] {
  const targetOf = (id: string): SizingTarget => TIGHTER_TARGETS[Math.min(targets.get(id) ?? 0, TIGHTER_TARGETS.length - 1)];
  if (iteration === 1 || !last) return sizeStations(design, () => FIRST_TARGET);
  const failed = last.criteria.filter((c) => !c.passed);
  const changes: ProposedChange[] = [];
  if (failed.some((c: CriterionResult) => c.lever === 'capacity') || last.bottlenecks.length > 0) {
    // No station showed strain yet the bound failed: tighten every station (the path as a whole is slow).
    const hot = new Set(last.bottlenecks.length > 0 ? last.bottlenecks : design.components.map((c) => c.id));
    for (const id of hot) targets.set(id, (targets.get(id) ?? 0) + 1);
    const sized = sizeStations(design, targetOf, hot, true);
    changes.push(...sized);
    if (sized.length === 0) changes.push(...oneMoreReplica(design, hot, failed));
  }
  if (failed.some((c) => c.lever === 'resilience')) {
    const resilience = resilienceChanges(design).filter((r) => !changes.some((c) => c.componentId === r.componentId && c.property === r.property));
    changes.push(...resilience);
  }
  return changes;
}

/**
 * When the tighter target already holds but a capacity criterion still failed, the measurement
 * overrules the formula (a tail, not a mean, is out of bounds): one more replica for each hot station.
 */
function oneMoreReplica(design: DesignSpec, hot: ReadonlySet<string>, failed: readonly CriterionResult[]): ProposedChange[] {
  const missed = failed.map((c) => c.criterion).join(', ');
  return design.components
    .filter((c) => hot.has(c.id) && (c.type === 'SERVICE' || c.type === 'DATABASE' || c.type === 'CACHE'))
    .map((c) => replicasChange(c, Math.min(MAX_REPLICAS, stationReplicas(c) + 1), `the run missed ${missed} although the sizing target holds: one more replica`))
    .filter((c): c is ProposedChange => c !== undefined);
}

function stationReplicas(c: DesignSpec['components'][number]): number {
  return currentReplicas(c);
}

/** One validation run; past the event budget it is retried once at half the duration (recorded). */
function validate(design: DesignSpec, run: RefineRunSettings, timeline: RefineTimeline, iteration: number, shouldCancel?: () => boolean): SimulationResult | undefined {
  const config = (durationSec: number): RunConfigSpec => ({
    durationSec,
    warmupSec: Math.min(run.warmupSec, durationSec / 2),
    seed: run.seed,
    replications: run.replications,
    maxReplications: run.replications,
    faults: [],
    tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 },
    maxEvents: run.maxEvents,
  });
  for (const durationSec of [run.durationSec, run.durationSec / 2]) {
    try {
      return simulate(engineDesign(design), config(durationSec), { shouldCancel });
    } catch (error) {
      if ((error as { code?: string }).code !== 'event_budget_exceeded') throw error;
      timeline.retry(iteration, `validation run exceeded ${run.maxEvents} events at ${durationSec} s`);
    }
  }
  return undefined;
}

export type { RefineState };
