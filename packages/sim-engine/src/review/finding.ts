import type { ComponentPropertiesSpec } from './flat-design';

/** The areas a finding belongs to (Well-Architected-style). */
export const REVIEW_DOMAINS = ['compute', 'database', 'storage', 'network', 'resilience', 'cost', 'cross_domain'] as const;
export type ReviewDomain = (typeof REVIEW_DOMAINS)[number];

export type FindingOutcome = 'pass' | 'warn' | 'fail';
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A mechanical remediation: property changes on components, applied as one undoable edit (the
 * web's Review panel) or by the refine loop. `properties` are merged into the component's.
 */
export interface FindingFix {
  label: string;
  changes: { componentId: string; properties: Partial<ComponentPropertiesSpec> }[];
}

/** One piece of evidence: computed figures, or what a what-if simulation showed. */
export type Evidence =
  | { kind: 'figures'; text: string; figures: Record<string, number | string> }
  | { kind: 'path'; text: string; path: string[] }
  | {
      kind: 'simulation';
      /** The what-if scenario, e.g. `crash db for 30 s`. */
      scenario: string;
      text: string;
      /** Seed, duration and faults of the run, so it can be repeated. */
      run: { seed: number; durationSec: number; warmupSec: number; faults: unknown[]; rateMultiplier: number };
      /** The window the figures are read from, seconds of simulated time. */
      window: { fromSec: number; toSec: number };
      figures: Record<string, number>;
      /** Ids of example failed traces of the run (first replication). */
      failedTraces: { traceId: string; durationMs: number; failedAt: string[] }[];
    };

/** One reviewer's remark. A `fail` always carries a remediation. */
export interface Finding {
  rule: string;
  domain: ReviewDomain;
  outcome: FindingOutcome;
  severity: Severity;
  components: string[];
  reason: string;
  remediation?: string;
  fix?: FindingFix;
  evidence: Evidence[];
}

/** What a rule is and why it exists (docs/review.md lists the same). */
export interface RuleInfo {
  id: string;
  domain: ReviewDomain;
  title: string;
  why: string;
  reference: string;
}

/** A review of a design: findings, worst outcome first, and counts. */
export interface Review {
  outcome: FindingOutcome;
  findings: Finding[];
  counts: Record<FindingOutcome, number>;
  /** Whether what-if simulations backed the findings. */
  simulated: boolean;
}

/** Rank for sorting: fail before warn before pass, critical before low. */
export function findingRank(f: Finding): number {
  const o = f.outcome === 'fail' ? 0 : f.outcome === 'warn' ? 1 : 2;
  return o * 10 + SEVERITIES.indexOf(f.severity);
}

/** The review of a list of findings: sorted, counted, worst outcome. */
export function summarizeReview(findings: readonly Finding[], simulated: boolean): Review {
  const sorted = [...findings].sort((a, b) => findingRank(a) - findingRank(b) || a.rule.localeCompare(b.rule) || a.components.join().localeCompare(b.components.join()));
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const f of sorted) counts[f.outcome]++;
  const outcome: FindingOutcome = counts.fail > 0 ? 'fail' : counts.warn > 0 ? 'warn' : 'pass';
  return { outcome, findings: sorted, counts, simulated };
}
