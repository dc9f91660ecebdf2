import type { MessagePort } from 'node:worker_threads';
import type { PriceOverride, ResolvedDesign, SimulationConfig } from '@architech/contracts';
import type { SimulationProgress } from '@architech/sim-engine';
import type { FinalTelemetry, LiveTelemetry } from '../services/final-telemetry';

/** What the pool hands an engine thread for one run. */
export interface RunRequest {
  kind: 'run';
  runId: number;
  /** The design and configuration of a validated job (its codec validates both), defaults resolved: the engine's input. */
  design: ResolvedDesign;
  config: SimulationConfig;
  /** Int32[0] = 1 asks the engine to stop. */
  cancelFlag: SharedArrayBuffer;
  /**
   * The simulation id to encode the finished run's telemetry for: the thread then returns it as
   * bus batches and leaves the series, traces and logs out of `resultJson`.
   */
  telemetryFor?: string;
  /**
   * The simulation id to encode the first replication's series for while the run goes on: the
   * thread sends them as ready bus batches ('live'); without it no series leave the thread.
   */
  liveFor?: string;
  /** The project's price overrides: the result's `cost` is computed with them over the list prices. */
  priceOverrides?: PriceOverride[];
  /**
   * Ports to idle engine threads lent to this run for its replications (transferred with the
   * message); the run's own thread coordinates and runs replications too.
   */
  helpers?: MessagePort[];
}

/** Lends this (idle) thread to another thread's run: serve replication tasks on `port` until it closes. */
export interface LendRequest {
  kind: 'lend';
  port: MessagePort;
}

export type WorkerReply =
  | { kind: 'progress'; runId: number; progress: SimulationProgress }
  /** The first replication's series buckets closed since the last message, encoded as bus batches (`liveFor`). */
  | { kind: 'live'; runId: number; live: LiveTelemetry }
  | { kind: 'done'; runId: number; resultJson: string; telemetry?: FinalTelemetry }
  | { kind: 'cancelled'; runId: number }
  | { kind: 'failed'; runId: number; code: string; message: string };
