import { engineDesign, type DesignSpec } from './flat-design';
import type { Goal } from '../refine/goal';
import { DEFAULT_REFINE_RUN, type RefineRunSettings } from '../refine/refine';
import { simulate } from '../runtime/simulate';
import type { Finding, RuleInfo } from './finding';

export const GOAL_INFO: RuleInfo = {
  id: 'goal',
  domain: 'cross_domain',
  title: 'The design meets its goal (simulated)',
  why: 'A design is right only against what it must achieve. Each criterion of the goal (today a steady-state hypothesis; requirements later) is checked on a simulation of the design at its own load.',
  reference: 'Principles of Chaos Engineering, "Build a hypothesis around steady-state behavior"; AWS Well-Architected, Reliability pillar, REL12 "Test reliability"',
};

/** One finding per criterion of the goal, judged on one validation run of the design (the refine loop's run). */
export function goalFindings(design: DesignSpec, goal: Goal, run: Partial<RefineRunSettings> = {}): Finding[] {
  const settings = { ...DEFAULT_REFINE_RUN, ...run };
  const faults: never[] = [];
  const result = simulate(engineDesign(design), {
    durationSec: settings.durationSec,
    warmupSec: Math.min(settings.warmupSec, settings.durationSec / 2),
    seed: settings.seed,
    replications: settings.replications,
    maxReplications: settings.replications,
    faults,
    tracing: { sampleRate: 0, maxTraces: 0, slowest: 0, maxLogs: 0 },
    maxEvents: settings.maxEvents,
  });
  return goal.evaluate(result).map((c) => ({
    rule: GOAL_INFO.id,
    domain: GOAL_INFO.domain,
    outcome: c.passed ? 'pass' : 'fail',
    severity: c.passed ? 'low' : 'high',
    components: [],
    reason: `${c.passed ? 'Met' : 'Not met'}: ${c.evidence}.`,
    remediation: c.passed ? undefined : `Run \`architech optimize\` with this goal: it sizes ${c.lever === 'capacity' ? 'capacity' : 'resilience settings'} until every criterion holds.`,
    evidence: [{ kind: 'figures', text: `validation run: ${settings.replications} × ${settings.durationSec} s, seed ${settings.seed}`, figures: { actual: Number.isFinite(c.actual) ? +c.actual.toFixed(6) : -1, seed: settings.seed, durationSec: settings.durationSec } }],
  }));
}
