/** Handles one event; `payload` is whatever was scheduled with it. */
export type EventHandler = (payload: any) => void;

/**
 * The future-event list: a binary min-heap ordered by (time, insertion sequence), so events at the
 * same time run first-in, first-out (as in SimPy). Entries live in parallel typed arrays that
 * double when full, so scheduling allocates nothing in the steady state.
 *
 * @example
 * const s = new Scheduler();
 * const tick = s.register(() => s.scheduleIn(1, tick, null));
 * s.schedule(0, tick, null);
 * s.run(10, Infinity); // processes 11 ticks
 */
export class Scheduler {
  /** Current simulated time in milliseconds. */
  now = 0;
  /** Events processed so far. */
  processed = 0;
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private payloads: unknown[];
  private size = 0;
  private nextSeq = 0;
  /** Urgent events take negative sequence numbers, so they sort before every normal event at their time. */
  private nextUrgentSeq = -Number.MAX_SAFE_INTEGER;
  private readonly handlers: EventHandler[] = [];

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.payloads = new Array<unknown>(initialCapacity).fill(null);
  }

  /** Registers a handler and returns the event kind that dispatches to it. */
  register(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Pending events. */
  get pending(): number {
    return this.size;
  }

  /** Time of the next event, or Infinity when none is pending. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  /** Schedules `kind` at absolute time `timeMs` (never earlier than now). */
  schedule(timeMs: number, kind: number, payload: unknown): void {
    this.insert(timeMs, this.nextSeq++, kind, payload);
  }

  /**
   * Schedules `kind` at `timeMs` ahead of every normal event at that same time (SimPy's URGENT),
   * e.g. closing a statistics bucket before the events that belong to the next one.
   */
  scheduleUrgent(timeMs: number, kind: number, payload: unknown): void {
    this.insert(timeMs, this.nextUrgentSeq++, kind, payload);
  }

  private insert(timeMs: number, seq: number, kind: number, payload: unknown): void {
    if (this.size === this.times.length) this.grow();
    const t = timeMs < this.now ? this.now : timeMs;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const payloads = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < t || (pt === t && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      kinds[i] = kinds[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = t;
    seqs[i] = seq;
    kinds[i] = kind;
    payloads[i] = payload;
  }

  /** Schedules `kind` after `delayMs` from now. */
  scheduleIn(delayMs: number, kind: number, payload: unknown): void {
    this.schedule(this.now + delayMs, kind, payload);
  }

  /**
   * Processes events in order while their time is at most `untilMs`, stopping after `maxEvents`.
   * Returns the number processed; `now` is left at the last event's time.
   */
  run(untilMs: number, maxEvents: number): number {
    const handlers = this.handlers;
    let done = 0;
    while (this.size > 0 && done < maxEvents) {
      const t = this.times[0];
      if (t > untilMs) break;
      const kind = this.kinds[0];
      const payload = this.payloads[0];
      this.removeTop();
      this.now = t;
      done++;
      handlers[kind](payload);
    }
    this.processed += done;
    return done;
  }

  private removeTop(): void {
    const last = --this.size;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const payloads = this.payloads;
    if (last === 0) {
      payloads[0] = null;
      return;
    }
    const t = times[last];
    const seq = seqs[last];
    const kind = kinds[last];
    const payload = payloads[last];
    payloads[last] = null;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < last && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) child = right;
      const ct = times[child];
      if (t < ct || (t === ct && seq < seqs[child])) break;
      times[i] = ct;
      seqs[i] = seqs[child];
      kinds[i] = kinds[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = t;
    seqs[i] = seq;
    kinds[i] = kind;
    payloads[i] = payload;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    const kinds = new Int32Array(capacity);
    kinds.set(this.kinds);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    const payloads = this.payloads;
    for (let i = payloads.length; i < capacity; i++) payloads.push(null);
  }
}
