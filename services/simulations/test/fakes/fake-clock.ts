import type { Clock, Timer } from '../../src/jobs/clock';

interface Pending {
  at: number;
  every?: number;
  fn: () => void;
  stopped: boolean;
}

/** Lets the event loop run the promise chains started by timers and callbacks. */
export async function flush(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A clock that moves only when told: timers fire, in time order, as {@link advance} passes them. */
export class FakeClock implements Clock {
  private timers: Pending[] = [];

  constructor(private time = 1_000_000) {}

  now(): number {
    return this.time;
  }

  every(ms: number, fn: () => void): Timer {
    return this.add({ at: this.time + ms, every: ms, fn, stopped: false });
  }

  after(ms: number, fn: () => void): Timer {
    return this.add({ at: this.time + ms, fn, stopped: false });
  }

  /** Timers not stopped (an interval counts until stopped). */
  get active(): number {
    return this.timers.filter((t) => !t.stopped).length;
  }

  /** Moves time on by `ms`, firing every timer due on the way (and letting their work settle). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.timers.filter((t) => !t.stopped && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = next.at;
      if (next.every) next.at += next.every;
      else next.stopped = true;
      next.fn();
      await flush();
    }
    this.time = end;
    await flush();
  }

  private add(timer: Pending): Timer {
    this.timers.push(timer);
    return { stop: () => void (timer.stopped = true) };
  }
}
