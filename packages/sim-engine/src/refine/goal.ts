/**
 * What a refine run must achieve: criteria read from a simulation's result, each passing or
 * failing with its evidence. The port is deliberately small so that any source of criteria can
 * plug in — today a steady-state hypothesis (`hypothesisGoal` in @architech/contracts), later a
 * project's requirements/checks — without the loop knowing which.
 */
export interface Goal {
  /** In words, e.g. `p99 < 300 ms and error rate < 1%`. */
  readonly description: string;
  /** Judges one validation run (its end-to-end summary is what a hypothesis reads). */
  evaluate(result: GoalInput): CriterionResult[];
  /**
   * `capacity` (default): accept the first design that meets the criteria. `cost`: then keep
   * trimming the most expensive replica while the criteria still hold (within the iterations).
   */
  readonly objective?: 'capacity' | 'cost';
}

/** The part of a simulation result a goal may read. */
export interface GoalInput {
  summary: { endToEnd: { throughput: number; errorRate: number; latency: { mean: number; p50: number; p95: number; p99: number } } };
}

/** How one criterion fared on one run. */
export interface CriterionResult {
  /** Stable name of the criterion, e.g. `latencyP99Ms < 300`. */
  readonly criterion: string;
  readonly passed: boolean;
  /** The measured value. */
  readonly actual: number;
  /** In words, e.g. `p99 < 300 ms (measured 212 ms)`. */
  readonly evidence: string;
  /** What kind of change can help: capacity for latency/throughput, resilience for errors. */
  readonly lever: 'capacity' | 'resilience';
}
