/** What one component consumed over a simulated window: what its bill is made of. */
export interface ComponentUsage {
  /** Calls (requests, invocations, messages) that reached it. */
  arrivals: number;
  /** Calls it answered successfully. */
  completions: number;
  /** Time-integral of its provisioned instances (replicas), seconds: autoscaling and crashes included. */
  instanceSeconds: number;
  /** Summed duration of its serverless invocations, seconds (0 for a component that is not serverless). */
  billedSeconds: number;
}

/** Usage of a run: per component, and the successful client requests the run served. */
export interface RunUsage {
  /** Client requests answered successfully. */
  successfulRequests: number;
  components: Record<string, ComponentUsage>;
}

/** The part of a run's summary the cost model reads (the engine's summary has these fields). */
export interface UsageSummary {
  endToEnd: { completions: number };
  components: Record<string, ComponentUsage>;
}

/**
 * The usage a run's summary reports (post warm-up, mean over replications), for `computeCost`.
 *
 * @example computeCost({ design, usage: usageFromSummary(result.summary), windowSec, prices })
 */
export function usageFromSummary(summary: UsageSummary): RunUsage {
  const components: Record<string, ComponentUsage> = {};
  for (const [id, c] of Object.entries(summary.components)) {
    components[id] = { arrivals: c.arrivals, completions: c.completions, instanceSeconds: c.instanceSeconds, billedSeconds: c.billedSeconds };
  }
  return { successfulRequests: summary.endToEnd.completions, components };
}
