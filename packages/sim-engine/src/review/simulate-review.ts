import type { DesignSpec } from './flat-design';
import type { SimulationResult } from '../runtime/result';
import { fmt } from './context';
import { summarizeReview, type Finding, type Review } from './finding';
import { LOAD_STEP_INFO } from './rules/load-step';
import { reviewFindings } from './review';
import { blastSeverity } from './rules/spof';
import { baselineScenario, crashScenario, loadScenario, runScenario, simulationEvidence, windowFigures, WHAT_IF, type Scenario } from './what-if';

/** Extra end-to-end error rate (absolute) during a crash below which the design counts as tolerating it. */
export const TOLERATED_ERROR_RISE = 0.01;


export interface SimulateReviewOptions {
  seed?: number;
  /** Called before each what-if run: 0-based index, count, scenario label. */
  onProgress?: (done: number, total: number, label: string) => void;
  shouldCancel?: () => boolean;
}

/**
 * Reviews a design and backs the findings with what-if simulations: a baseline run, a 30-s crash
 * of each single point of failure, and a 2× load step. Evidence (run settings, the metric window,
 * example failed traces) is attached to the findings, and an outcome changes with it: a crash the
 * design tolerates turns a single point of failure into a pass (optional call) or a warning, a
 * crash that fails requests turns a warning into a failure; a capacity warning whose station
 * drops or saturates in the baseline run becomes a failure. Deterministic per seed.
 */
export function simulateReview(design: DesignSpec, options: SimulateReviewOptions = {}): Review {
  const seed = options.seed ?? 1;
  const findings = reviewFindings(design);
  const spofs = findings.filter((f) => f.rule === 'single-point-of-failure' && f.outcome !== 'pass');
  const total = 2 + spofs.length;
  let done = 0;
  const run = (scenario: Scenario): SimulationResult | undefined => {
    options.onProgress?.(done++, total, scenario.label);
    return runScenario(design, scenario, seed, options.shouldCancel);
  };

  const baseline = baselineScenario();
  const base = run(baseline);
  const baseWindow = base ? windowFigures(base, baseline.window) : undefined;
  const out = findings.map((f) => (f.rule === 'capacity' && base ? confirmCapacity(f, base, baseline, seed) : f));
  for (const spof of spofs) {
    const scenario = crashScenario(spof.components[0]);
    const result = run(scenario);
    const index = out.indexOf(spof);
    if (result && baseWindow) out[index] = judgeCrash(spof, result, scenario, seed, baseWindow.errorRate);
  }
  const load = loadScenario();
  const loaded = run(load);
  if (loaded && base) out.push(judgeLoadStep(design, loaded, load, seed, windowFigures(base, load.window)));
  options.onProgress?.(total, total, 'done');
  return summarizeReview(out, true);
}

function judgeCrash(f: Finding, result: SimulationResult, scenario: Scenario, seed: number, baseErrorRate: number): Finding {
  const w = windowFigures(result, scenario.window);
  const rise = Math.max(0, w.errorRate - baseErrorRate);
  const tolerated = rise < TOLERATED_ERROR_RISE;
  const text = `${scenario.label}: end-to-end error rate ${fmt(w.errorRate * 100, 2)}% in the crash window against ${fmt(baseErrorRate * 100, 2)}% without it`;
  const evidence = [...f.evidence, simulationEvidence(scenario, seed, result, text, { baselineErrorRate: +baseErrorRate.toFixed(5), errorRise: +rise.toFixed(5) })];
  const id = f.components[0];
  if (tolerated) {
    // An optional call's fallback absorbs the crash: nothing to fix. A required one that shows no failures is still a single replica (warn).
    const outcome = f.outcome === 'warn' ? 'pass' : 'warn';
    return { ...f, outcome, severity: 'low', reason: `${f.reason} Simulated: a ${WHAT_IF.crashSec}-s crash of ${id} raised the error rate by only ${fmt(rise * 100, 2)} points — tolerated.`, evidence };
  }
  return { ...f, outcome: 'fail', severity: blastSeverity(rise), reason: `${f.reason} Simulated: a ${WHAT_IF.crashSec}-s crash of ${id} failed ${fmt(rise * 100, 1)}% more requests.`, remediation: f.remediation ?? `Run at least 2 replicas of ${id}.`, evidence };
}

function confirmCapacity(f: Finding, result: SimulationResult, scenario: Scenario, seed: number): Finding {
  const id = f.components[0];
  const s = result.summary.components[id];
  if (!s) return f;
  const dropShare = s.arrivals > 0 ? s.drops / s.arrivals : 0;
  const saturated = s.utilization >= 0.999 || dropShare > 0.01;
  const text = `baseline run: ${id} at ${fmt(s.utilization * 100, 1)}% utilisation, ${fmt(dropShare * 100, 2)}% of arrivals dropped, ${fmt(s.meanQueueLength, 1)} waiting on average`;
  const evidence = [...f.evidence, simulationEvidence(scenario, seed, result, text, { utilization: +s.utilization.toFixed(4), dropShare: +dropShare.toFixed(5), meanQueueLength: +s.meanQueueLength.toFixed(3) })];
  if (saturated && f.outcome === 'warn') return { ...f, outcome: 'fail', severity: 'critical', reason: `${f.reason} Simulated: it saturates at the design's load.`, evidence };
  return { ...f, evidence };
}

function judgeLoadStep(design: DesignSpec, result: SimulationResult, scenario: Scenario, seed: number, base: { errorRate: number; worstP99Ms: number }): Finding {
  const w = windowFigures(result, scenario.window);
  const saturated = design.components
    .filter((c) => {
      const s = result.summary.components[c.id];
      return s && (s.utilization >= 0.95 || (s.arrivals > 0 && s.drops / s.arrivals > 0.01));
    })
    .map((c) => c.id);
  const errorsUp = w.errorRate > Math.max(0.01, base.errorRate + 0.01);
  const slower = Number.isFinite(base.worstP99Ms) && (!Number.isFinite(w.worstP99Ms) || w.worstP99Ms > 3 * base.worstP99Ms);
  const text = `${scenario.label}: end-to-end error rate ${fmt(w.errorRate * 100, 2)}%, worst p99 ${fmt(w.worstP99Ms, 0)} ms (at 1×: ${fmt(base.errorRate * 100, 2)}%, ${fmt(base.worstP99Ms, 0)} ms)`;
  const evidence = [simulationEvidence(scenario, seed, result, text, { baselineErrorRate: +base.errorRate.toFixed(5), baselineWorstP99Ms: Number.isFinite(base.worstP99Ms) ? +base.worstP99Ms.toFixed(2) : -1 })];
  const healthy = !errorsUp && !slower;
  const changes = saturated
    .map((id) => design.components.find((c) => c.id === id)!)
    .filter((c) => c.properties.replicas !== undefined && !c.properties.autoscaling)
    .map((c) => ({ componentId: c.id, properties: { replicas: Math.min(1000, 2 * (c.properties.replicas ?? 1)) } }));
  return {
    rule: LOAD_STEP_INFO.id,
    domain: LOAD_STEP_INFO.domain,
    outcome: healthy ? 'pass' : 'warn',
    severity: healthy ? 'low' : errorsUp ? 'high' : 'medium',
    components: saturated,
    reason: healthy ? `At ${WHAT_IF.loadFactor}× load the design holds: ${text}.` : `At ${WHAT_IF.loadFactor}× load the design degrades (${text})${saturated.length ? `; saturated: ${saturated.join(', ')}` : ''}.`,
    remediation: healthy ? undefined : saturated.length ? `Add headroom to ${saturated.join(', ')} (double their replicas or autoscale).` : 'Add headroom to the slowest path.',
    fix: !healthy && changes.length ? { label: 'double saturated stations', changes } : undefined,
    evidence,
  };
}
