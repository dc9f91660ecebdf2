import { z } from 'zod';
import { elementIdSchema } from '../design.schema';
import { HYPOTHESIS_METRICS } from '../hypothesis.schema';
import { simulationConfigSchema } from '../simulation-config.schema';

/** Limits of a checks file and of the product's requirements (docs/checks.md). */
export const CHECK_LIMITS = {
  /** Requirements in one checks file or one project. */
  maxRequirements: 200,
  /** Criteria of one requirement. */
  maxCriteria: 20,
  /** Replications of one requirement's scenario: each is a run of its own. */
  maxReplications: 30,
  /** Tags of one requirement, and the longest tag. */
  maxTags: 20,
  maxTagLength: 40,
  /** Longest statement. */
  maxStatementLength: 500,
  /** Replications a scenario gets when it names none: enough for an interval. */
  defaultReplications: 5,
} as const;

/** End-to-end metrics: those of a steady-state hypothesis. */
export const END_TO_END_CHECK_METRICS = HYPOTHESIS_METRICS;
/** Metrics of one component (`component` names it): the per-component summary fields. */
export const COMPONENT_CHECK_METRICS = [...HYPOTHESIS_METRICS, 'latencyMaxMs', 'utilization', 'meanQueueLength', 'arrivals', 'completions', 'errors', 'drops', 'timeouts'] as const;
/** Every metric a criterion may name; `recoverySec` is end-to-end and has no window. */
export const CHECK_METRICS = [...COMPONENT_CHECK_METRICS, 'recoverySec'] as const;
export type CheckMetric = (typeof CHECK_METRICS)[number];

export const CHECK_WINDOWS = ['steady', 'fault', 'after-fault'] as const;

/** Where in the run a criterion is measured: the measured window (default), the faults' span, after the last fault, or explicit seconds. */
export const criterionWindowSchema = z.union([
  z.enum(CHECK_WINDOWS),
  z
    .strictObject({ fromSec: z.number().min(0), toSec: z.number().positive() })
    .refine((w) => w.fromSec < w.toSec, { message: 'fromSec must be before toSec', path: ['toSec'] }),
]);
export type CriterionWindow = z.output<typeof criterionWindowSchema>;

/**
 * One criterion: `metric op value`, optionally on one component and in one window.
 *
 * @example { "metric": "utilization", "component": "db", "op": "<", "value": 0.8 }
 */
export const criterionSchema = z
  .strictObject({
    metric: z.enum(CHECK_METRICS),
    component: elementIdSchema.optional(),
    op: z.enum(['<', '<=', '>', '>=']),
    value: z.number().min(0).max(1e12),
    window: criterionWindowSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const endToEnd = (END_TO_END_CHECK_METRICS as readonly string[]).includes(c.metric);
    if (c.metric === 'recoverySec' && c.component !== undefined) ctx.addIssue({ code: 'custom', path: ['component'], message: 'recoverySec is end-to-end: it takes no component' });
    if (c.metric === 'recoverySec' && c.window !== undefined) ctx.addIssue({ code: 'custom', path: ['window'], message: 'recoverySec is measured after the last fault: it takes no window' });
    if (!endToEnd && c.metric !== 'recoverySec' && c.component === undefined) ctx.addIssue({ code: 'custom', path: ['component'], message: `${c.metric} is a component metric: name the component` });
  });
export type Criterion = z.output<typeof criterionSchema>;

/** A requirement's scenario: a simulation configuration whose replications default to {@link CHECK_LIMITS.defaultReplications}. */
export const checkScenarioSchema = z.preprocess(
  (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !('replications' in v) ? { ...v, replications: CHECK_LIMITS.defaultReplications } : v),
  simulationConfigSchema,
);

/**
 * A requirement: a statement, the scenario it is checked under, and criteria that must all pass.
 *
 * @example { "id": "REQ-0001", "statement": "p99 under 300 ms", "scenario": { "durationSec": 300 }, "criteria": [{ "metric": "latencyP99Ms", "op": "<", "value": 300 }] }
 */
export const requirementSchema = z
  .strictObject({
    id: z.string().regex(/^REQ-[0-9]{4,12}$/, 'a requirement id is REQ- and 4 to 12 digits, e.g. REQ-0001'),
    statement: z.string().trim().min(1).max(CHECK_LIMITS.maxStatementLength),
    tags: z.array(z.string().trim().min(1).max(CHECK_LIMITS.maxTagLength)).max(CHECK_LIMITS.maxTags).default([]),
    scenario: checkScenarioSchema,
    criteria: z.array(criterionSchema).min(1).max(CHECK_LIMITS.maxCriteria),
  })
  .superRefine((r, ctx) => {
    if (r.scenario.replications > CHECK_LIMITS.maxReplications) {
      ctx.addIssue({ code: 'custom', path: ['scenario', 'replications'], message: `at most ${CHECK_LIMITS.maxReplications} replications per requirement` });
    }
    const faults = r.scenario.faults.length > 0;
    r.criteria.forEach((c, i) => {
      if (!faults && (c.metric === 'recoverySec' || c.window === 'fault' || c.window === 'after-fault')) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, c.metric === 'recoverySec' ? 'metric' : 'window'], message: `${c.metric === 'recoverySec' ? 'recoverySec' : `the ${c.window} window`} needs faults in the scenario` });
      }
      if (c.window !== undefined && typeof c.window === 'object' && c.window.toSec > r.scenario.durationSec) {
        ctx.addIssue({ code: 'custom', path: ['criteria', i, 'window', 'toSec'], message: `the window ends after the run (${r.scenario.durationSec} s)` });
      }
    });
  });
export type RequirementInput = z.input<typeof requirementSchema>;
export type Requirement = z.output<typeof requirementSchema>;

/** A checks file: `{ "requirements": [...] }`, JSON or YAML, ids unique. */
export const checksFileSchema = z
  .strictObject({ requirements: z.array(requirementSchema).min(1).max(CHECK_LIMITS.maxRequirements) })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.requirements.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'id'], message: `duplicate requirement id ${r.id}` });
      seen.add(r.id);
    });
  });
export type ChecksFile = z.output<typeof checksFileSchema>;

/** A criterion's verdict; a requirement's is `passed` when all pass, `failed` when any fails, else `inconclusive`. */
export const CRITERION_VERDICTS = ['pass', 'fail', 'inconclusive'] as const;
export type CriterionVerdict = (typeof CRITERION_VERDICTS)[number];
export const REQUIREMENT_VERDICTS = ['passed', 'failed', 'inconclusive'] as const;
export type RequirementVerdict = (typeof REQUIREMENT_VERDICTS)[number];
