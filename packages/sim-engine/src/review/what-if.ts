import type { FaultSpec, RunConfigSpec } from '../model/design';
import { engineDesign, type DesignSpec } from './flat-design';
import type { SimulationResult } from '../runtime/result';
import { simulate } from '../runtime/simulate';
import type { Evidence } from './finding';

/** Timing of every what-if run (simulated seconds). */
export const WHAT_IF = { durationSec: 80, warmupSec: 20, faultStartSec: 30, crashSec: 30, loadFactor: 2, maxEvents: 20_000_000, failedTraces: 3 } as const;

/** A what-if scenario: faults and a load factor on top of the design. */
export interface Scenario {
  label: string;
  faults: FaultSpec[];
  rateMultiplier: number;
  window: { fromSec: number; toSec: number };
}

/** Figures of a run read over a window of its end-to-end series. */
export interface WindowFigures {
  requests: number;
  errors: number;
  errorRate: number;
  /** Highest per-bucket p99 in the window, ms (NaN when nothing completed). */
  worstP99Ms: number;
}

export function baselineScenario(): Scenario {
  return { label: 'baseline', faults: [], rateMultiplier: 1, window: { fromSec: WHAT_IF.faultStartSec, toSec: WHAT_IF.faultStartSec + WHAT_IF.crashSec } };
}

export function crashScenario(target: string): Scenario {
  return {
    label: `crash ${target} for ${WHAT_IF.crashSec} s`,
    faults: [{ type: 'crash', target, startSec: WHAT_IF.faultStartSec, durationSec: WHAT_IF.crashSec }],
    rateMultiplier: 1,
    window: { fromSec: WHAT_IF.faultStartSec, toSec: WHAT_IF.faultStartSec + WHAT_IF.crashSec },
  };
}

export function loadScenario(): Scenario {
  return { label: `${WHAT_IF.loadFactor}× load`, faults: [], rateMultiplier: WHAT_IF.loadFactor, window: { fromSec: WHAT_IF.warmupSec, toSec: WHAT_IF.durationSec } };
}

/** The run configuration of a scenario: one replication, failed traces kept, deterministic per seed. */
export function scenarioConfig(scenario: Scenario, seed: number): RunConfigSpec {
  return {
    durationSec: WHAT_IF.durationSec,
    warmupSec: WHAT_IF.warmupSec,
    seed,
    replications: 1,
    maxReplications: 1,
    faults: scenario.faults,
    tracing: { sampleRate: 0, maxTraces: 100, slowest: 0, maxLogs: 0 },
    maxEvents: WHAT_IF.maxEvents,
    workload: { rateMultiplier: scenario.rateMultiplier, clients: {} },
  };
}

/** Runs a scenario; a run past the event budget is reported as `undefined` (not evidence). */
export function runScenario(design: DesignSpec, scenario: Scenario, seed: number, shouldCancel?: () => boolean): SimulationResult | undefined {
  try {
    return simulate(engineDesign(design), scenarioConfig(scenario, seed), { shouldCancel });
  } catch (error) {
    if ((error as { code?: string }).code === 'event_budget_exceeded') return undefined;
    throw error;
  }
}

/** End-to-end figures over the scenario's window, from the per-bucket series. */
export function windowFigures(result: SimulationResult, window: Scenario['window']): WindowFigures {
  const { bucketSec, endToEnd } = result.timeseries;
  let completions = 0;
  let errors = 0;
  let worst = NaN;
  for (let b = Math.floor(window.fromSec / bucketSec); b < Math.ceil(window.toSec / bucketSec) && b < endToEnd.completions.length; b++) {
    completions += endToEnd.completions[b];
    errors += endToEnd.errors[b];
    const p99 = endToEnd.latencyP99[b];
    if (Number.isFinite(p99) && endToEnd.completions[b] > 0) worst = Number.isFinite(worst) ? Math.max(worst, p99) : p99;
  }
  const requests = completions + errors;
  return { requests, errors, errorRate: requests > 0 ? errors / requests : 0, worstP99Ms: worst };
}

/** The evidence a scenario's run gives: its settings, the window's figures and example failed traces. */
export function simulationEvidence(scenario: Scenario, seed: number, result: SimulationResult, text: string, extra: Record<string, number> = {}): Evidence {
  const w = windowFigures(result, scenario.window);
  const failed = result.traces
    .filter((t) => t.status === 'ERROR' && t.startMs >= scenario.window.fromSec * 1000 && t.startMs < scenario.window.toSec * 1000)
    .slice(0, WHAT_IF.failedTraces)
    .map((t) => ({ traceId: t.traceId, durationMs: +t.durationMs.toFixed(3), failedAt: [...new Set(t.spans.filter((s) => s.status.code === 'ERROR').map((s) => s.componentId))] }));
  return {
    kind: 'simulation',
    scenario: scenario.label,
    text,
    run: { seed, durationSec: WHAT_IF.durationSec, warmupSec: WHAT_IF.warmupSec, faults: scenario.faults, rateMultiplier: scenario.rateMultiplier },
    window: scenario.window,
    figures: { requests: w.requests, errors: w.errors, errorRate: +w.errorRate.toFixed(5), worstP99Ms: Number.isFinite(w.worstP99Ms) ? +w.worstP99Ms.toFixed(2) : -1, ...extra },
    failedTraces: failed,
  };
}
