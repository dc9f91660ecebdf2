/** Requirements as checks: windows, recoverySec, interval verdicts, history (docs/checks.md). Pure. */
export * from './types';
export { faultSpan, resolveWindow, bucketsIn, seriesMetric } from './windows';
export type { TimeSpan } from './windows';
export { recoverySec, RECOVERY_BAND } from './recovery';
export type { Recovery } from './recovery';
export { holds, intervalVerdict, replicationsToSettle } from './verdict';
export { evaluateRequirement, evaluateCriterion, combineVerdicts, measure, MAX_CHECK_REPLICATIONS } from './evaluate';
export { requirementHistory, coverage } from './history';
export type { VerdictPoint, RequirementHistory, ComponentCoverage } from './history';
export { observationOf } from './observation';
