/** A timer started by a {@link Clock}; `stop` cancels it (idempotent). */
export interface Timer {
  stop(): void;
}

/**
 * Time as the job classes see it: the current instant and timers. Injected (token {@link CLOCK}),
 * so unit specs drive heartbeats, sweeps, retention and purges with a fake clock instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `fn` every `ms` milliseconds until stopped. */
  every(ms: number, fn: () => void): Timer;
  /** Calls `fn` once after `ms` milliseconds unless stopped first. */
  after(ms: number, fn: () => void): Timer;
}

export const CLOCK = Symbol('CLOCK');

/**
 * The process's clock. Its timers never hold the process open: they are background work
 * (heartbeats, sweeps, limits) of a service kept alive by its server and engine threads.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, fn) {
    const handle = setInterval(fn, ms);
    handle.unref();
    return { stop: () => clearInterval(handle) };
  },
  after(ms, fn) {
    const handle = setTimeout(fn, ms);
    handle.unref();
    return { stop: () => clearTimeout(handle) };
  },
};
