/** Latency statistics in milliseconds. */
export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What a component did after warm-up (docs/engine.md). */
export interface ComponentSummary {
  type: string;
  /** Calls that reached the component. */
  arrivals: number;
  /** Calls it answered successfully. */
  completions: number;
  /** Calls it answered with an error (its own, a fault's, a crash, or a failed downstream call). */
  errors: number;
  /** Calls refused because the replica's queue was full. */
  drops: number;
  /** Calls whose caller gave up waiting (the component's `timeoutMs`). */
  timeouts: number;
  /** Calls refused by the component's open circuit breaker without reaching it. */
  rejected: number;
  /** Completions per second. */
  throughput: number;
  /** Time-average busy workers / provisioned workers, 0–1. */
  utilization: number;
  /** Time-average number of calls waiting (not in service). */
  meanQueueLength: number;
  /** Response time of successful calls: queueing, service and downstream calls. */
  latency: LatencySummary;
}

/** End-to-end view of the client requests finishing after warm-up. */
export interface EndToEndSummary {
  requests: number;
  completions: number;
  errors: number;
  /** Successful requests per second. */
  throughput: number;
  /** errors / (completions + errors). */
  errorRate: number;
  latency: LatencySummary;
}

export interface Summary {
  endToEnd: EndToEndSummary;
  components: Record<string, ComponentSummary>;
}
