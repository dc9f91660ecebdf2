import { z } from 'zod';
import type { SimulationConfig } from '../simulation-config.schema';
import type { Criterion, CriterionVerdict, RequirementVerdict } from './checks.schema';

/** One criterion's evidence: per-replication values, their mean and 95 % half-width, the verdict. */
export interface CriterionEvidenceDto {
  criterion: Criterion;
  /** Mean over replications; null when no finite value (see `note`). */
  mean: number | null;
  /** null with one replication (no interval) or non-finite values. */
  halfWidth: number | null;
  /** Per seed; null: no value (no successful request, or never recovered: see `note`). */
  values: (number | null)[];
  perSeed: boolean[];
  verdict: CriterionVerdict;
  /** Inconclusive: replications in all that would likely settle it; null: not within the limit. */
  replicationsNeeded?: number | null;
  note?: string;
}

/** The evidence record of one requirement checked on one design version. */
export interface EvidenceDto {
  requirementId: string;
  statement: string;
  tags: string[];
  verdict: RequirementVerdict;
  flaky: boolean;
  seeds: number[];
  configuration: SimulationConfig;
  criteria: CriterionEvidenceDto[];
  durationMs: number;
  engineVersion: string;
  /** Server check runs: the design version, its content hash and the runs behind the evidence. */
  designId?: string;
  designHash?: string;
  simulationIds?: string[];
  /** The scenario could not be run (e.g. the version lacks a component a criterion names). */
  error?: string;
}

export const CHECK_RUN_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const;
export type CheckRunStatus = (typeof CHECK_RUN_STATUSES)[number];

/** A check run: every requirement of a project against one design version. */
export interface CheckRunDto {
  id: string;
  projectId: string;
  designId: string;
  designVersion: number;
  status: CheckRunStatus;
  /** null while running; then passed / failed / inconclusive over every requirement. */
  verdict: RequirementVerdict | null;
  /** Requirements evaluated so far / in all. */
  done: number;
  total: number;
  createdAt: string;
  finishedAt: string | null;
  error?: string;
  evidence: EvidenceDto[];
}

/** POST /api/designs/:id/checks: optionally only some requirements. */
export const startCheckRunSchema = z.strictObject({ only: z.array(z.string().regex(/^REQ-[0-9]{4,12}$/)).max(200).optional() });

/** One point of a requirement's history. */
export interface VerdictPointDto {
  checkRunId: string;
  designId: string;
  designVersion: number;
  at: string;
  verdict: RequirementVerdict;
  flaky: boolean;
}

export interface RequirementHistoryDto {
  requirementId: string;
  statement: string;
  points: VerdictPointDto[];
  passRate: number | null;
  failureStreak: number;
  regressed: boolean;
  flaky: boolean;
}

/** GET /api/projects/:id/checks/history */
export interface CheckHistoryDto {
  /** How many recent check runs the pass rate counts. */
  window: number;
  requirements: RequirementHistoryDto[];
  /** Latest check-run verdict per design version (versions never checked are absent). */
  versions: { designId: string; verdict: RequirementVerdict; checkRunId: string }[];
  /** Components of the latest checked design, with the requirements that exercise each. */
  coverage: { designId: string | null; components: { componentId: string; requirementIds: string[] }[]; untested: string[] };
}

/** A stored requirement of a project. */
export interface RequirementDto {
  projectId: string;
  id: string;
  statement: string;
  tags: string[];
  scenario: SimulationConfig;
  criteria: Criterion[];
  createdAt: string;
  updatedAt: string;
}

/** How many recent check runs history reads (and the pass rate counts, by default). */
export const CHECK_HISTORY_LIMITS = { defaultWindow: 20, maxWindow: 200 } as const;
/** GET /api/projects/:id/checks/history?window=N */
export const checkHistoryQuerySchema = z.strictObject({ window: z.coerce.number().int().min(1).max(CHECK_HISTORY_LIMITS.maxWindow).default(CHECK_HISTORY_LIMITS.defaultWindow) });
