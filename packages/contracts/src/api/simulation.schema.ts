import type { SimulationCostDto } from './cost.schema';
import type { FaultType } from '../fault.schema';
import type { SimulationConfig } from '../simulation-config.schema';

/**
 * A simulation's lifecycle: `PENDING → RUNNING → COMPLETED | FAILED | CANCELLED` (named states; the
 * bus carries them as the protobuf `SimulationStatus` enum).
 */
export const SIMULATION_STATES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type SimulationState = (typeof SIMULATION_STATES)[number];

/** Statuses a simulation never leaves. */
export const FINAL_SIMULATION_STATES: ReadonlySet<SimulationState> = new Set<SimulationState>(['COMPLETED', 'FAILED', 'CANCELLED']);

/** Latency statistics of successful calls, in milliseconds (the engine's `LatencySummary`). */
export interface LatencySummaryDto {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What one component did after warm-up (docs/engine.md; docs/engine.md §8). */
export interface ComponentSummaryDto {
  /** The component type, e.g. `SERVICE`. */
  type: string;
  /** Calls that reached the component. */
  arrivals: number;
  /** Calls it answered successfully. */
  completions: number;
  /** Calls it answered with an error (its own, a fault's, a crash, or a failed downstream call). */
  errors: number;
  /** Calls refused: the replica's queue was full, or the call was throttled (`throttled` of them). */
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
  latency: LatencySummaryDto;
  /** Calls refused by the component's `rateLimit` or its `serverless.maxConcurrency` (also counted in `drops`). */
  throttled: number;
  /** Serverless instances started on demand (each one's first call waited a cold start); 0 unless `serverless`. */
  coldStarts: number;
  /** Integral over the measured window of provisioned instances (replicas, starting ones included; live serverless instances), instance-seconds. */
  instanceSeconds: number;
  /** Serverless only: integral of invocations in progress, i.e. the summed invocation durations (cold starts included), seconds; 0 otherwise. */
  billedSeconds: number;
  /** Most instances provisioned at once during the measured window. */
  peakInstances: number;
}

/** The client requests finishing after warm-up. */
export interface EndToEndSummaryDto {
  requests: number;
  completions: number;
  errors: number;
  /** Successful requests per second. */
  throughput: number;
  /** errors / (completions + errors), 0–1. */
  errorRate: number;
  latency: LatencySummaryDto;
}

/**
 * The result summary shared by the CLI's `--json`, the API and the web app. With replications,
 * `ci95` has this same shape and holds 95% confidence half-widths.
 */
export interface SimulationSummaryDto {
  endToEnd: EndToEndSummaryDto;
  /** By component id. */
  components: Record<string, ComponentSummaryDto>;
}

/** A fault's window as it actually happened (clipped to the run), for annotations. */
export interface FaultWindowDto {
  type: FaultType;
  target: string;
  startSec: number;
  endSec: number;
  /** The fault's numeric parameters (`rate`, `delayMs`, `factor`, `replicas`). */
  params: Record<string, number>;
}

/** Facts of a completed run beyond its summary. */
export interface SimulationRunDto {
  settings: {
    durationSec: number;
    /** The warm-up actually removed: the detected one when `warmupMode` is `auto`. */
    warmupSec: number;
    warmupMode: 'fixed' | 'auto';
    seed: number;
    /** Width of a time-series bucket, simulated seconds. */
    bucketSec: number;
  };
  replications: number;
  /** Events processed by every replication together. */
  events: number;
  wallMs: number;
  faults: FaultWindowDto[];
}

/**
 * A simulation as `GET /api/simulations/:id` answers it (docs/api.md). `summary`, `ci95`
 * and `result` are present once COMPLETED (`ci95` only with replications > 1); the list of a
 * design's simulations carries `summary` but not `result`.
 */
export interface SimulationDto {
  id: string;
  /** The design version that ran. */
  designId: string;
  projectId: string;
  status: SimulationState;
  /** 0–1 over the whole simulation. */
  progress: number;
  /** The validated configuration, defaults applied (faults included). */
  configuration: SimulationConfig;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /**
   * True once telemetry has stored every metric, span and log batch of the run's final results
   * (acknowledged on the bus), so dashboards read complete series; false before and for runs that
   * did not complete.
   */
  telemetryComplete: boolean;
  /** When telemetry acknowledged the last batch, or null. */
  telemetryCompleteAt: string | null;
  /**
   * When retention deleted the run's series, traces and logs (docs/data-lifecycle.md), or null
   * while they are kept. The summary, result and check evidence stay.
   */
  telemetryExpiredAt: string | null;
  /** The retention (days after the run finished) that expired it; null while the telemetry is kept. */
  telemetryRetentionDays: number | null;
  /** Why it FAILED. */
  error?: string;
  /** PENDING and waiting for an engine thread: its place in the queue (1 = next). */
  queuePosition?: number;
  summary?: SimulationSummaryDto;
  ci95?: SimulationSummaryDto;
  result?: SimulationRunDto;
  /**
   * COMPLETED runs of a design with provider blocks: what the simulated window cost, its monthly
   * equivalent, per component and per million successful requests, priced with the project's
   * overrides over the list prices (docs/providers.md).
   */
  cost?: SimulationCostDto;
}

/** `POST /api/designs/:id/simulations` answer (202): the run is queued. */
export interface LaunchSimulationResponse {
  id: string;
  status: 'PENDING';
}

/** `GET /api/designs/:id/simulations` answer: newest first. */
export interface SimulationListResponse {
  simulations: SimulationDto[];
}

/**
 * One `event: status` message of `GET /api/simulations/:id/events` (Server-Sent Events): the
 * current state first, then every newer change; the stream ends after a final status.
 */
export interface SimulationStatusUpdate {
  id: string;
  status: SimulationState;
  /** 0–1 over the whole simulation. */
  progress: number;
  /** 0-based index of the replication running. */
  replication?: number;
  replications?: number;
  /** Simulated time reached in the current replication, milliseconds. */
  simTimeMs?: number;
  /** Events processed so far. */
  events?: number;
  error?: string;
  /** Increases per simulation; a listener drops anything not newer than what it has. */
  sequence: number;
}
