import type { DesignSpec, RunConfigSpec } from '../model/design';
import { applyWorkload } from '../model/workload';
import { mser5 } from '../stats/mser';
import { Replication, type ReplicationOutput, type SeriesBucket } from './replication';

/** Time-series cells (components × buckets) per replication; longer runs get wider buckets. */
export const MAX_SERIES_CELLS = 250_000;

/** One replication of a run, as a host hands it to whichever thread runs it. */
export interface ReplicationTask {
  replication: number;
  warmupSec: number;
  /** The warm-up detection run (its own random streams, no traces or logs). */
  pilot: boolean;
  /** Whether traces and logs are kept (the first measured replication only). */
  record: boolean;
}

/** The run was cancelled through `shouldCancel`. */
export class SimulationCancelledError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('simulation cancelled');
  }
}

/** The run needed more events than `maxEvents` allows. */
export class EventBudgetExceededError extends Error {
  readonly code = 'event_budget_exceeded';
  constructor(readonly maxEvents: number) {
    super(`simulation exceeded its budget of ${maxEvents} events; shorten durationSec, lower the load or raise maxEvents`);
  }
}

/**
 * What every replication of a run shares, derived once from the design and configuration: the
 * design under the workload, the series bucket width, how many replications are planned and the
 * ceiling of the stopping rule. Any thread holding the same design and configuration derives the
 * same plan, so a replication runs identically wherever it runs.
 */
export class RunPlan {
  readonly design: DesignSpec;
  readonly bucketSec: number;
  /** Replications run before the stopping rule is first consulted. */
  readonly planned: number;
  /** Replications at most. */
  readonly ceiling: number;
  readonly budget: number;

  constructor(
    designAsDrawn: DesignSpec,
    readonly config: RunConfigSpec,
  ) {
    this.design = applyWorkload(designAsDrawn, config.workload);
    this.bucketSec = Math.max(1, Math.ceil((this.design.components.length * config.durationSec) / MAX_SERIES_CELLS));
    this.budget = config.maxEvents ?? Infinity;
    this.planned = config.targetRelError !== undefined ? Math.max(config.replications, 2) : config.replications;
    this.ceiling = config.targetRelError !== undefined ? Math.max(config.maxReplications, this.planned) : this.planned;
  }

  /** Whether warm-up is detected by a pilot run first. */
  get needsPilot(): boolean {
    return this.config.warmupSec === 'auto';
  }

  /** The fixed warm-up, or 0 before a pilot run has measured it. */
  get fixedWarmupSec(): number {
    return this.config.warmupSec === 'auto' ? 0 : this.config.warmupSec;
  }

  /** Warm-up detected by MSER-5 on the pilot run's end-to-end mean latency series. */
  warmupFromPilot(pilot: ReplicationOutput): number {
    return mser5(Array.from(pilot.endToEndSeries.columns.latencyMean)).truncateAt * this.bucketSec;
  }

  /**
   * Runs one replication to its end; undefined when `hook` stopped it. `hook` is asked every few
   * thousand events with the simulated time and the events of this replication so far.
   */
  run(task: ReplicationTask, hook: (nowMs: number, events: number) => boolean, onSeriesBucket?: (bucket: SeriesBucket) => void): ReplicationOutput | undefined {
    const config = this.config;
    const tracing = task.record ? config.tracing : { ...config.tracing, maxTraces: 0, maxLogs: 0 };
    const streamFamily = task.pilot ? 'pilot' : 'replication';
    const rep = new Replication(this.design, {
      durationSec: config.durationSec,
      warmupSec: task.warmupSec,
      seed: config.seed,
      replication: task.replication,
      streamFamily,
      bucketSec: this.bucketSec,
      faults: config.faults,
      tracing,
      onSeriesBucket,
    });
    return rep.run(hook);
  }
}
