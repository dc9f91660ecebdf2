import type { CriterionEvidenceDto, Design, EvidenceDto, Requirement } from '@architech/contracts';
import { ENGINE_VERSION, evaluateRequirement, observationOf, type SimulationResult } from '@architech/sim-engine';
import { runSimulation } from '../run/run-simulation';

export interface LocalProgress {
  /** Runs finished, the fraction of the current one, runs in all. */
  done: number;
  fraction: number;
  total: number;
  requirementId: string;
}

export type LocalOutcome = { kind: 'done'; evidence: EvidenceDto[] } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/**
 * Checks every requirement on the design, here: each replication of a scenario is its own
 * one-replication run with seed `seed + i` (so each seed's time series is kept for the windows and
 * recoverySec), and the pure evaluation of `@architech/sim-engine` gives the verdicts.
 */
export async function runChecksLocally(
  design: Design,
  requirements: readonly Requirement[],
  options: { onProgress?: (p: LocalProgress) => void; onInterrupt(handler: () => void): () => void; clock?: () => number },
): Promise<LocalOutcome> {
  const clock = options.clock ?? (() => Date.now());
  const total = requirements.reduce((n, r) => n + r.scenario.replications, 0);
  let done = 0;
  const evidence: EvidenceDto[] = [];
  for (const requirement of requirements) {
    const started = clock();
    const results: SimulationResult[] = [];
    for (let i = 0; i < requirement.scenario.replications; i++) {
      const config = { ...requirement.scenario, replications: 1, seed: requirement.scenario.seed + i, targetRelError: undefined };
      const outcome = await runSimulation(design, config, {
        includeSeries: true,
        onProgress: options.onProgress && ((p) => options.onProgress!({ done, fraction: p.fraction, total, requirementId: requirement.id })),
        onInterrupt: options.onInterrupt,
      });
      if (outcome.kind === 'cancelled') return outcome;
      if (outcome.kind === 'failed') return { kind: 'failed', message: `${requirement.id}, seed ${config.seed}: ${outcome.message}` };
      results.push(JSON.parse(outcome.resultJson) as SimulationResult);
      done++;
    }
    const outcome = evaluateRequirement(requirement.criteria, results.map(observationOf));
    evidence.push({
      requirementId: requirement.id,
      statement: requirement.statement,
      tags: requirement.tags,
      verdict: outcome.verdict,
      flaky: outcome.flaky,
      seeds: outcome.seeds,
      configuration: requirement.scenario,
      // The engine's outcome carries the criterion as written, which the contracts' schema parsed.
      criteria: outcome.criteria as CriterionEvidenceDto[],
      durationMs: Math.round(clock() - started),
      engineVersion: ENGINE_VERSION,
    });
  }
  return { kind: 'done', evidence };
}
