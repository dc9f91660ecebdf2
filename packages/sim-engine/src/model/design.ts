import type { DistributionSpec } from '../random/distributions';

/*
 * The engine's input: a validated design with defaults applied. The format itself is defined once,
 * by the zod schemas of `@architech/contracts`; these interfaces list only what the engine reads,
 * so that the engine imports nothing of ours. The CLI and services pass the schema's output here,
 * and the compiler checks that the two stay assignable.
 */

export type ArrivalProfileSpec =
  | { shape: 'ramp'; toRatePerSec: number; startSec: number; endSec: number }
  | { shape: 'spike'; ratePerSec: number; startSec: number; durationSec?: number }
  | { shape: 'diurnal'; amplitude: number; periodSec: number; phaseSec: number }
  | { shape: 'points'; points: [number, number][] };

export interface ArrivalSpec {
  process: 'poisson' | 'constant';
  ratePerSec: number;
  profile?: ArrivalProfileSpec;
}

export interface RetrySpec {
  maxAttempts: number;
  backoff: 'exponential' | 'constant';
  baseMs: number;
  maxBackoffMs: number;
  jitter: boolean;
}

export interface CircuitBreakerSpec {
  failureThreshold: number;
  windowSize: number;
  openMs: number;
  halfOpenRequests: number;
}

export interface AutoscalingSpec {
  minReplicas: number;
  maxReplicas: number;
  targetUtilization: number;
  scaleOutDelaySec: number;
  cooldownSec: number;
  evaluationIntervalSec: number;
}

/** Properties every component may carry; which ones apply depends on its type. */
export interface ComponentPropertiesSpec {
  arrival?: ArrivalSpec;
  replicas?: number;
  workers?: number;
  serviceTime?: DistributionSpec;
  queueCapacity?: number;
  timeoutMs?: number;
  retry?: RetrySpec;
  circuitBreaker?: CircuitBreakerSpec;
  autoscaling?: AutoscalingSpec;
  blockingCalls?: boolean;
  /** SERVICE, DATABASE, CACHE: call one downstream (by weight) or all of them, in stages. */
  fanOut?: 'one' | 'all';
  errorRate?: number;
  hitRatio?: number;
  strategy?: 'round_robin' | 'random' | 'least_connections';
  capacity?: number;
  maxDeliveries?: number;
  consumerConcurrency?: number;
}

export type ComponentTypeName = 'CLIENT' | 'LOAD_BALANCER' | 'SERVICE' | 'DATABASE' | 'CACHE' | 'QUEUE';

export interface ComponentSpec {
  id: string;
  type: ComponentTypeName;
  name?: string;
  properties: ComponentPropertiesSpec;
}

export interface ConnectionSpec {
  id: string;
  source: string;
  target: string;
  properties: {
    latency?: DistributionSpec;
    packetLossRate?: number;
    weight?: number;
    /** Under a `fanOut: "all"` source: calls of one stage run in parallel, stages in sequence. */
    stage?: number;
    /** Under a `fanOut: "all"` source: share of requests that make this call. */
    probability?: number;
    /** The caller tolerates this call's failure. */
    optional?: boolean;
  };
}

export interface DesignSpec {
  components: readonly ComponentSpec[];
  connections: readonly ConnectionSpec[];
}

export type FaultSpec =
  | { type: 'crash'; target: string; startSec: number; durationSec?: number; replicas?: number }
  | { type: 'latency'; target: string; startSec: number; durationSec?: number; delayMs: number }
  | { type: 'error'; target: string; startSec: number; durationSec?: number; rate: number }
  | { type: 'packet_loss'; target: string; startSec: number; durationSec?: number; rate: number }
  | { type: 'partition'; target: string; startSec: number; durationSec?: number }
  | { type: 'slowdown'; target: string; startSec: number; durationSec?: number; factor: number };

export interface TracingSpec {
  sampleRate: number;
  maxTraces: number;
  slowest: number;
  maxLogs: number;
}

/** Offered load of the run, overriding the design's clients (see `applyWorkload`). */
export interface WorkloadSpec {
  /** Every client's rate (and arrival profile) multiplied by this. */
  rateMultiplier: number;
  /** Base rate per client id, before the multiplier; its profile is scaled by the same ratio. */
  clients: Readonly<Record<string, { ratePerSec: number }>>;
}

/** How to run a design; mirrors the contracts' simulation configuration. */
export interface RunConfigSpec {
  durationSec: number;
  warmupSec: number | 'auto';
  seed: number;
  replications: number;
  targetRelError?: number;
  maxReplications: number;
  faults: readonly FaultSpec[];
  tracing: TracingSpec;
  maxEvents?: number;
  workload?: WorkloadSpec;
}
