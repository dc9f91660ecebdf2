import type { Logger } from '@nestjs/common';
import type { SimulationRepository } from '../repositories/simulation.repository';
import type { Clock, Timer } from './clock';

/** Least time between two heartbeats of a run, and the period of its watch. */
export const HEARTBEAT_MS = 1000;

/** What a run's heartbeat needs to know of the run and how it stops it. */
export interface HeartbeatRun {
  id: string;
  /** Whether an engine thread has taken the run and it became RUNNING here (false while waiting). */
  started(): Promise<boolean>;
  /** Whether it still waits in the pool. */
  waiting(): boolean;
  /** Stops the run (the pool reports it cancelled). */
  cancel(): void;
}

/**
 * The heartbeat of one run executed here. Progress is written at most every {@link HEARTBEAT_MS}
 * (which proves the worker alive to the StaleRunSweeper); a watch on the same period stops the
 * run when it was cancelled: while it waits, once it is no longer PENDING; while it runs, by a
 * progress-less heartbeat, so a cancel requested before the first progress report still stops it.
 */
export class RunHeartbeat {
  private lastBeat = Number.NEGATIVE_INFINITY;
  private beating: Promise<unknown> = Promise.resolve();
  private watch: Timer | undefined;

  constructor(
    private readonly run: HeartbeatRun,
    private readonly simulations: Pick<SimulationRepository, 'heartbeat' | 'statusOf'>,
    private readonly clock: Clock,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  /** The run reported `fraction` done: written unless the last heartbeat is under HEARTBEAT_MS old. */
  progress(fraction: number): void {
    const now = this.clock.now();
    if (now - this.lastBeat < HEARTBEAT_MS) return;
    this.lastBeat = now;
    this.beating = this.beating
      .then(async () => {
        if ((await this.run.started()) && (await this.beat(fraction))) this.run.cancel();
      })
      .catch((e: Error) => this.logger.error(`heartbeat of ${this.run.id}: ${e.message}`));
  }

  /** Starts the watch. */
  startWatch(): void {
    this.watch = this.clock.every(HEARTBEAT_MS, () => {
      const stop = this.run.waiting()
        ? this.simulations.statusOf(this.run.id).then((status) => status !== 'PENDING')
        : this.run.started().then((started) => started && this.beat(-1));
      void stop.then((yes) => yes && this.run.cancel()).catch(() => undefined);
    });
  }

  /** Stops the watch; resolves when the heartbeats in flight are written. */
  async end(): Promise<void> {
    this.watch?.stop();
    await this.beating;
  }

  /** Writes a heartbeat now; whether the run should stop. */
  private beat(fraction: number): Promise<boolean> {
    return this.simulations.heartbeat(this.run.id, fraction, new Date(this.clock.now()));
  }
}
