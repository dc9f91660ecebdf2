import { Fifo } from '../core/fifo';
import type { Call } from './call';

/** One instance of a component: its workers, its FCFS queue, and whether it is up and in rotation. */
export class Replica {
  busy = 0;
  readonly queue = new Fifo<Call>();
  /** Crash faults currently holding this replica down; overlapping crashes stack. */
  downCount = 0;
  /** Receives new work (false while starting up, draining, or removed by scale-in). */
  active = true;
  /** Stays true while a scale-in drains it. */
  draining = false;
  /** Bumped by each crash: calls started in an earlier epoch are orphans. */
  epoch = 0;
  /** Calls that are queued, in service or awaiting downstream here; kept only where a crash can hit. */
  readonly inFlight: Set<Call> | null;

  get up(): boolean {
    return this.downCount === 0;
  }

  constructor(
    readonly index: number,
    trackInFlight: boolean,
  ) {
    this.inFlight = trackInFlight ? new Set<Call>() : null;
  }

  /**
   * The process dies: a new epoch, nothing busy or queued. Returns the calls it held, to be answered
   * `crashed`; their requests are pinned, as pending events still refer to them (never reused).
   */
  die(): Call[] {
    this.epoch++;
    this.busy = 0;
    this.draining = false;
    this.queue.drain(() => undefined);
    const victims = this.inFlight ? Array.from(this.inFlight) : [];
    this.inFlight?.clear();
    for (const call of victims) call.trace.pinned = true;
    return victims;
  }
}
