/**
 * Hard limits on what a design or a simulation may ask for. Every edge (HTTP, CLI, bus) enforces
 * them through the schemas of this package; `docs/engine.md` documents them.
 */
export const LIMITS = {
  /** Components in one design. */
  maxComponents: 1000,
  /** Connections in one design. */
  maxConnections: 5000,
  /** Longest identifier of a component or connection. */
  maxIdLength: 64,
  /** Longest simulated duration of one replication: one simulated day. */
  maxDurationSec: 86_400,
  /** Replications of one simulation (also the ceiling of the stopping rule). */
  maxReplications: 200,
  /** Faults in one scenario. */
  maxFaults: 200,
  /** Attempts of a retry policy (first attempt included). */
  maxRetryAttempts: 10,
  /** Replicas of one component, including autoscaling's ceiling. */
  maxReplicas: 1000,
  /** Workers per replica. */
  maxWorkers: 10_000,
  /** Arrival rate of one client, requests per second. */
  maxRatePerSec: 10_000_000,
  /** Points of a piecewise-linear arrival profile. */
  maxProfilePoints: 1000,
  /** Sampled traces kept per simulation. */
  maxTraces: 5000,
  /** Highest fan-out `stage` of a connection. */
  maxStage: 100,
  /** Calls in flight of one serverless component (`serverless.maxConcurrency`). */
  maxServerlessConcurrency: 100_000,
  /** Log records kept per simulation. */
  maxLogs: 50_000,
} as const;
