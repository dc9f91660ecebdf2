import { EventLane } from './event-lane';

/** Handles one event; `payload` is whatever was scheduled with it. */
export type EventHandler = (payload: any) => void;

/**
 * The future-event list: a binary min-heap ordered by (time, insertion sequence), so events at the
 * same time run first-in, first-out (as in SimPy). Entries live in parallel typed arrays that
 * double when full, so scheduling allocates nothing in the steady state. Events that all wait one
 * fixed delay (call timeouts) may go to a lane instead ({@link EventLane}), sorted by construction;
 * the next event is the earliest of the heap's top and the lanes' first ones, in the same order.
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
  private readonly lanes: EventLane[] = [];
  /** Events waiting in lanes. */
  private laneEvents = 0;

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
    return this.size + this.laneEvents;
  }

  /** Time of the next event, or Infinity when none is pending. */
  peekTime(): number {
    let t = this.size > 0 ? this.times[0] : Infinity;
    for (const lane of this.lanes) if (lane.count > 0 && lane.firstTime() < t) t = lane.firstTime();
    return t;
  }

  /** The lane of events that fire `delayMs` after they are scheduled (one per delay), for {@link scheduleInLane}. */
  lane(delayMs: number): number {
    const found = this.lanes.findIndex((lane) => lane.delayMs === delayMs);
    if (found >= 0) return found;
    this.lanes.push(new EventLane(delayMs));
    return this.lanes.length - 1;
  }

  /** Schedules `kind` at the lane's delay from now: the same order as `scheduleIn(delayMs, …)`, without the heap. */
  scheduleInLane(lane: number, kind: number, payload: unknown): void {
    const l = this.lanes[lane];
    const t = this.now + l.delayMs;
    l.push(t < this.now ? this.now : t, this.nextSeq++, kind, payload);
    this.laneEvents++;
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
    while (done < maxEvents) {
      const lane = this.laneEvents > 0 ? this.firstLane() : null;
      let t: number;
      let kind: number;
      let payload: unknown;
      if (lane === null) {
        if (this.size === 0) break;
        t = this.times[0];
        if (t > untilMs) break;
        kind = this.kinds[0];
        payload = this.payloads[0];
        this.removeTop();
      } else {
        t = lane.firstTime();
        if (t > untilMs) break;
        kind = lane.firstKind();
        payload = lane.shift();
        this.laneEvents--;
      }
      this.now = t;
      done++;
      // Counted here, not after the loop: code after it has no type feedback when V8 compiles the
      // loop on stack, and reading a field there deoptimized the loop at the end of every call.
      this.processed++;
      handlers[kind](payload);
    }
    return done;
  }

  /** The lane whose first event comes before the heap's top (and every other lane's first), or null. */
  private firstLane(): EventLane | null {
    let best: EventLane | null = null;
    let t = this.size > 0 ? this.times[0] : Infinity;
    let seq = this.size > 0 ? this.seqs[0] : Infinity;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i];
      if (lane.count === 0) continue;
      const lt = lane.firstTime();
      if (lt < t || (lt === t && lane.firstSeq() < seq)) {
        best = lane;
        t = lt;
        seq = lane.firstSeq();
      }
    }
    return best;
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
