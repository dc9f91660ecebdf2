import type { SimulationCostDto, SimulationRunDto } from '@architech/contracts';
import type { SeriesSet } from '../metrics/series';
import type { EndToEndSummary, Summary } from '../metrics/summary';
import type { LogRecord, Trace } from '../tracing/span';
import type { FaultWindow } from './fault-injector';

/** The engine's result (docs/engine.md): a contract shared by the CLI, the API and the web app. */
export interface SimulationResult {
  /** Mean over replications of each replication's post-warm-up summary. */
  summary: Summary;
  /** 95% confidence half-widths mirroring `summary` (Student t); present when replications > 1. */
  ci95?: Summary;
  replications: number;
  /** The run's settings as the API reports them (the warm-up actually removed, the bucket width). */
  settings: SimulationRunDto['settings'];
  /** Present with a `targetRelError`: whether every headline metric reached it. */
  stoppingRule?: { targetRelError: number; achieved: boolean; maxRelativeHalfWidth: number };
  /** Headline end-to-end figures of each replication. */
  perReplication: EndToEndSummary[];
  /** Per-bucket series (mean over replications), buckets of `bucketSec` from t = 0, warm-up included. */
  timeseries: { bucketSec: number; buckets: number; endToEnd: SeriesSet; components: Record<string, SeriesSet> };
  /** Sampled traces of the first replication. */
  traces: Trace[];
  /** Logs of the first replication, in simulated time order. */
  logs: LogRecord[];
  /** Log records beyond the ceiling, counted but not kept. */
  logsDropped: number;
  faults: FaultWindow[];
  /**
   * What the simulated window cost and its monthly equivalent, per component and in total
   * (docs/providers.md); present only when a component has a `provider` block.
   */
  cost?: SimulationCostDto;
  /** Events processed, all replications (and the warm-up pilot) together. */
  events: number;
  /** Wall-clock milliseconds, measured with the clock the caller passed (0 without one). */
  wallMs: number;
}

/** Progress of a run, for a bar or a status event. */
export interface SimulationProgress {
  /** 0–1 over the whole simulation. */
  fraction: number;
  replication: number;
  replications: number;
  simTimeMs: number;
  events: number;
}
