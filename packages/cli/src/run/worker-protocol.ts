import type { ResolvedDesign, SimulationConfig } from '@architech/contracts';
import type { SimulationProgress } from '@architech/sim-engine';

/** What the main thread hands the simulation worker (as `workerData`). */
export interface WorkerRequest {
  /** The zod-validated design with its defaults resolved, and the configuration: the engine's input types. */
  design: ResolvedDesign;
  config: SimulationConfig;
  /** One Int32 the main thread sets to 1 on Ctrl+C; the engine polls it through `shouldCancel`. */
  cancelFlag: SharedArrayBuffer;
  /** Whether to post progress at all (only a terminal shows it). */
  reportProgress: boolean;
  /** Whether the result's JSON keeps `timeseries` (only `--json` without `--no-series` prints it). */
  includeSeries: boolean;
  /** Threads the replications may run on (1: all on the simulation worker itself). */
  threads: number;
}

/** What the worker posts back. */
export type WorkerMessage =
  | { kind: 'progress'; progress: SimulationProgress }
  /** `resultJson` is `JSON.stringify` of the engine's result, made in the worker so that nothing is lost in transfer. */
  | { kind: 'done'; resultJson: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };
