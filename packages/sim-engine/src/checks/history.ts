import type { RequirementVerdict } from './types';

/** One requirement's verdict in one check run, as history reads it. */
export interface VerdictPoint {
  checkRunId: string;
  designId: string;
  at: string;
  verdict: RequirementVerdict;
  flaky: boolean;
}

export interface RequirementHistory {
  requirementId: string;
  /** Oldest first. */
  points: VerdictPoint[];
  /** Passed check runs / check runs, over the last `window` (null when never checked). */
  passRate: number | null;
  /** Consecutive failed check runs at the end of the history (inconclusive ones neither extend nor break it). */
  failureStreak: number;
  /** Two consecutive failed check runs flag the requirement; a passed one clears it. */
  regressed: boolean;
  /** The latest check run found its verdicts differing across seeds. */
  flaky: boolean;
}

/** Failure streaks, the regressed flag, pass rate over the last `window` check runs, for one requirement. */
export function requirementHistory(requirementId: string, points: readonly VerdictPoint[], window = 20): RequirementHistory {
  let streak = 0;
  let regressed = false;
  for (const p of points) {
    if (p.verdict === 'failed') {
      streak++;
      if (streak >= 2) regressed = true;
    } else if (p.verdict === 'passed') {
      streak = 0;
      regressed = false;
    }
  }
  const recent = points.slice(-window);
  const passRate = recent.length === 0 ? null : recent.filter((p) => p.verdict === 'passed').length / recent.length;
  return { requirementId, points: [...points], passRate, failureStreak: streak, regressed, flaky: points.at(-1)?.flaky ?? false };
}

export interface ComponentCoverage {
  componentId: string;
  requirementIds: string[];
}

/**
 * Which requirements exercise each component of a design (a fault on it or a criterion bound to it);
 * components no requirement exercises are `untested`.
 */
export function coverage(componentIds: readonly string[], requirements: readonly { id: string; components: readonly string[] }[]): { components: ComponentCoverage[]; untested: string[] } {
  const components = componentIds.map((componentId) => ({ componentId, requirementIds: requirements.filter((r) => r.components.includes(componentId)).map((r) => r.id) }));
  return { components, untested: components.filter((c) => c.requirementIds.length === 0).map((c) => c.componentId) };
}
