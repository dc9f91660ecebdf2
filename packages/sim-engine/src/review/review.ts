import type { DesignSpec } from './flat-design';
import { ReviewContext, type Rule } from './context';
import { summarizeReview, type Finding, type Review, type RuleInfo } from './finding';
import { autoscalingCeiling, capacity } from './rules/capacity';
import { idleCapacity, overProvisioned } from './rules/cost';
import { LOAD_STEP_INFO } from './rules/load-step';
import { queueBacklog, unboundedWaitingRoom } from './rules/queues';
import { retryAmplification, retryWithoutBackoff, retryWithoutBreaker } from './rules/retries';
import { singlePointOfFailure } from './rules/spof';
import { cascadingBlockingCall, missingTimeout, timeoutBelowCalleeP99 } from './rules/timeouts';

/** Every rule of the review, in the order docs/review.md lists them. */
export const REVIEW_RULES: readonly Rule[] = [
  singlePointOfFailure,
  capacity,
  autoscalingCeiling,
  missingTimeout,
  cascadingBlockingCall,
  timeoutBelowCalleeP99,
  retryWithoutBackoff,
  retryAmplification,
  retryWithoutBreaker,
  unboundedWaitingRoom,
  queueBacklog,
  overProvisioned,
  idleCapacity,
];

/** What each rule checks, why, and its reference (the simulated load step last). */
export function reviewRuleCatalogue(): RuleInfo[] {
  return [...REVIEW_RULES.map((r) => r.info), LOAD_STEP_INFO];
}

/** The static findings of every rule on a validated design (pure, deterministic). */
export function reviewFindings(design: DesignSpec): Finding[] {
  const ctx = new ReviewContext(design);
  return REVIEW_RULES.flatMap((rule) => rule.check(ctx));
}

/**
 * Reviews a validated design (defaults applied) with static analysis only: traffic equations,
 * queueing figures and the call graph. `simulateReview` adds what-if evidence.
 *
 * @example reviewDesign(design).findings.filter((f) => f.outcome === 'fail')
 */
export function reviewDesign(design: DesignSpec): Review {
  return summarizeReview(reviewFindings(design), false);
}
