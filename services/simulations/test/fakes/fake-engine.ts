import type { ResolvedDesign, SimulationConfig } from '@architech/contracts';
import type { SimulationProgress } from '@architech/sim-engine';
import type { JobEngine } from '../../src/jobs/engine';
import type { LiveTelemetry } from '../../src/services/final-telemetry';
import type { RunOptions, RunOutcome } from '../../src/worker/engine-pool';

/** A run handed to the fake engine, driven by the spec. */
export class FakeRun {
  cancelled = false;
  taken = false;
  ended = false;
  private settle!: (outcome: RunOutcome) => void;
  readonly outcome = new Promise<RunOutcome>((resolve) => (this.settle = resolve));

  constructor(
    readonly runId: number,
    readonly design: ResolvedDesign,
    readonly config: SimulationConfig,
    readonly options: RunOptions,
    private readonly onProgress: (p: SimulationProgress) => void,
    readonly onLive: (live: LiveTelemetry) => void,
  ) {}

  /** An engine thread takes it. */
  take(): void {
    this.taken = true;
    this.options.onStart?.();
  }

  progress(fraction: number): void {
    this.onProgress({ fraction, replication: 1, replications: 1, simTimeMs: fraction * 1000, events: Math.round(fraction * 100) } as SimulationProgress);
  }

  end(outcome: RunOutcome): void {
    this.ended = true;
    this.settle(outcome);
  }

  cancel(): void {
    this.cancelled = true;
    this.ended = true;
    this.settle({ kind: 'cancelled' });
  }
}

/** The engine pool without threads: runs wait until the spec takes, reports and ends them. */
export class FakeEngine implements JobEngine {
  readonly runs: FakeRun[] = [];
  closed = false;
  private listener: (() => void) | undefined;

  run(design: ResolvedDesign, config: SimulationConfig, onProgress: (p: SimulationProgress) => void, onLive: (live: LiveTelemetry) => void = () => undefined, options: RunOptions = { owner: '' }) {
    const run = new FakeRun(this.runs.length + 1, design, config, options, onProgress, onLive);
    this.runs.push(run);
    return { runId: run.runId, outcome: run.outcome, cancel: () => run.cancel() };
  }

  /** Places of the runs not taken nor ended, in arrival order, 1-based. */
  positions(): Map<number, number> {
    return new Map(this.runs.filter((r) => !r.taken && !r.ended).map((r, i) => [r.runId, i + 1]));
  }

  onQueueChange(listener: () => void): void {
    this.listener = listener;
  }

  queueChanged(): void {
    this.listener?.();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  last(): FakeRun {
    const run = this.runs.at(-1);
    if (!run) throw new Error('no run');
    return run;
  }
}
