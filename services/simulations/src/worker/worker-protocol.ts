import type { ResolvedDesign, SimulationConfig } from '@architech/contracts';
import type { SeriesBucket, SimulationProgress } from '@architech/sim-engine';

/** What the pool hands an engine thread for one run. */
export interface RunRequest {
  kind: 'run';
  runId: number;
  /** The design and configuration of a validated job (its codec validates both), defaults resolved: the engine's input. */
  design: ResolvedDesign;
  config: SimulationConfig;
  /** Int32[0] = 1 asks the engine to stop. */
  cancelFlag: SharedArrayBuffer;
}

export type WorkerReply =
  | { kind: 'progress'; runId: number; progress: SimulationProgress }
  /** Buckets of the first replication's series, closed since the last message. */
  | { kind: 'series'; runId: number; buckets: SeriesBucket[] }
  | { kind: 'done'; runId: number; resultJson: string }
  | { kind: 'cancelled'; runId: number }
  | { kind: 'failed'; runId: number; code: string; message: string };
