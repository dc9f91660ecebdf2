import { z } from 'zod';
import { refineGoalSchema } from '../refine-goal.schema';

/**
 * `POST /api/designs/:id/reviews`: a review of that design version; with `simulate`, what-if runs
 * back the findings; with `goal`, its criteria are judged on a validation run.
 *
 * @example { "simulate": true, "seed": 1 }
 */
export const reviewRequestSchema = z.strictObject({
  simulate: z.boolean().default(false),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  goal: refineGoalSchema.optional(),
});
export type ReviewRequest = z.output<typeof reviewRequestSchema>;

/** `POST /api/designs/:id/refinements`: the refine loop on that version, towards the goal. */
export const refinementRequestSchema = refineGoalSchema;

/** Lifecycle of a review or refinement job. */
export const ANALYSIS_STATES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

/**
 * A stored review or refinement (`GET /api/reviews/:id`, `GET /api/refinements/:id`). `result` is
 * the engine's `Review` or `RefineResult` once COMPLETED; `timeline` grows while a refinement runs.
 */
export interface AnalysisDto {
  id: string;
  kind: 'review' | 'refinement';
  designId: string;
  projectId: string;
  status: AnalysisState;
  /** 0–1. */
  progress: number;
  /** What the job is doing now, e.g. `crash db for 30 s` or `iteration 2: validating`. */
  stage: string | null;
  request: Record<string, unknown>;
  result?: unknown;
  timeline: unknown[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
