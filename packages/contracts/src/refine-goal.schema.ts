import { z } from 'zod';
import { describeCondition, evaluateHypothesis, formatHypothesisValue, hypothesisSchema, type HypothesisCondition, type HypothesisInput } from './hypothesis.schema';

/** Limits of a refine run (docs/review.md). */
export const REFINE_LIMITS = { maxIterations: 3, maxDurationSec: 600, maxReplications: 10 } as const;

/**
 * What a refine run must achieve and how it validates: a steady-state hypothesis (every condition
 * must hold) and the validation runs' settings. Requirements (project checks) will be another kind
 * of goal behind the same port.
 *
 * @example { "hypothesis": [{ "metric": "latencyP99Ms", "op": "<", "value": 200 }], "run": { "seed": 1 } }
 */
export const refineGoalSchema = z.strictObject({
  hypothesis: hypothesisSchema.min(1),
  run: z
    .strictObject({
      seed: z.number().int().min(0).max(2 ** 31 - 1),
      durationSec: z.number().min(10).max(REFINE_LIMITS.maxDurationSec),
      warmupSec: z.number().min(0).max(REFINE_LIMITS.maxDurationSec),
      replications: z.number().int().min(1).max(REFINE_LIMITS.maxReplications),
    })
    .partial()
    .optional(),
  maxIterations: z.number().int().min(1).max(REFINE_LIMITS.maxIterations).optional(),
  /** `capacity` (default): the first design that meets the hypothesis; `cost`: then the cheapest that still does (docs/review.md). */
  objective: z.enum(['capacity', 'cost']).optional(),
});
export type RefineGoal = z.output<typeof refineGoalSchema>;

/** One criterion's verdict, as the refine loop's goal port reports it. */
export interface GoalCriterionVerdict {
  criterion: string;
  passed: boolean;
  actual: number;
  evidence: string;
  lever: 'capacity' | 'resilience';
}

/**
 * A hypothesis as a refine goal: each condition is a criterion, judged by `evaluateHypothesis` on
 * the validation run's end-to-end summary. Error-rate conditions call for resilience settings,
 * the others for capacity; `objective` passes the goal's objective on. Structurally the engine's `Goal`.
 */
export function hypothesisGoal(
  conditions: readonly HypothesisCondition[],
  objective?: RefineGoal['objective'],
): { description: string; objective?: RefineGoal['objective']; evaluate(result: { summary: HypothesisInput }): GoalCriterionVerdict[] } {
  return {
    description: conditions.map(describeCondition).join(' and ') + (objective === 'cost' ? ', at the least cost' : ''),
    ...(objective ? { objective } : {}),
    evaluate(result) {
      return evaluateHypothesis(conditions, result.summary).outcomes.map((o) => ({
        criterion: `${o.condition.metric} ${o.condition.op} ${o.condition.value}`,
        passed: o.holds,
        actual: o.actual,
        evidence: `${describeCondition(o.condition)} (measured ${formatHypothesisValue(o.condition.metric, o.actual)})`,
        lever: o.condition.metric === 'errorRate' ? 'resilience' : 'capacity',
      }));
    },
  };
}
