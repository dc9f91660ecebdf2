import type { SeriesSet } from '../metrics/series';
import type { Summary } from '../metrics/summary';
import type { FaultWindow } from '../runtime/fault-injector';

/**
 * The shapes the checks read, written structurally so that the engine stays free of the contracts
 * package: `@architech/contracts`' Criterion fits {@link CheckCriterion}.
 */
export type CheckOp = '<' | '<=' | '>' | '>=';
export type CheckWindow = 'steady' | 'fault' | 'after-fault' | { fromSec: number; toSec: number };

export interface CheckCriterion {
  metric: string;
  component?: string;
  op: CheckOp;
  value: number;
  window?: CheckWindow;
}

/** What one replication (one run with one seed) left behind: enough to measure every criterion. */
export interface ReplicationObservation {
  seed: number;
  summary: Summary;
  settings: { durationSec: number; warmupSec: number; bucketSec: number };
  timeseries: { bucketSec: number; endToEnd: SeriesSet; components: Record<string, SeriesSet> };
  faults: FaultWindow[];
}

export type CriterionVerdict = 'pass' | 'fail' | 'inconclusive';
export type RequirementVerdict = 'passed' | 'failed' | 'inconclusive';

/** How one criterion fared over the replications. */
export interface CriterionOutcome {
  criterion: CheckCriterion;
  /** Mean over replications; null when no replication gave a finite value. */
  mean: number | null;
  /** 95 % half-width (Student t); null with one replication or a non-finite value. */
  halfWidth: number | null;
  /** Each replication's value, in seed order (null: no value, e.g. no successful request; "Infinity" never recovered). */
  values: (number | null)[];
  /** Each replication's own comparison with the threshold. */
  perSeed: boolean[];
  verdict: CriterionVerdict;
  /** For an inconclusive verdict: the replications in all that would likely settle it (null: not within the limit). */
  replicationsNeeded?: number | null;
  /** Why there is no value, when there is none. */
  note?: string;
}

export interface RequirementOutcome {
  verdict: RequirementVerdict;
  criteria: CriterionOutcome[];
  /** Verdicts differ across the seeds of this version: some criterion holds on some seeds and not on others. */
  flaky: boolean;
  seeds: number[];
}
