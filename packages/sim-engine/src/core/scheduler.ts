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
  /**
   * The heap: per entry its time, sequence number and slot, three doubles side by side, so that a
   * step of a sift moves one entry within a cache line or two instead of touching four arrays.
   */
  private heap: Float64Array;
  /** Kind and payload of the event in each slot; slots do not move while the heap sifts. */
  private kinds: Int32Array;
  private payloads: unknown[];
  /** Slots not holding a pending event (a stack). */
  private freeSlots: Int32Array;
  private freeCount: number;
  private capacity: number;
  private size = 0;
  private nextSeq = 0;
  /** Urgent events take negative sequence numbers, so they sort before every normal event at their time. */
  private nextUrgentSeq = -Number.MAX_SAFE_INTEGER;
  private readonly handlers: EventHandler[] = [];
  private readonly lanes: EventLane[] = [];
  /** Events waiting in lanes. */
  private laneEvents = 0;
  /**
   * The lane whose first event comes first among the lanes' first events, or null when all are
   * empty. Only a push to an empty lane or a removal changes a lane's first event, so it is
   * updated then, not looked for at every event.
   */
  private firstLane: EventLane | null = null;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(1, initialCapacity);
    this.heap = new Float64Array(this.capacity * 3);
    this.kinds = new Int32Array(this.capacity);
    this.payloads = new Array<unknown>(this.capacity).fill(null);
    this.freeSlots = new Int32Array(this.capacity);
    for (let i = 0; i < this.capacity; i++) this.freeSlots[i] = this.capacity - 1 - i;
    this.freeCount = this.capacity;
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
    let t = this.size > 0 ? this.heap[0] : Infinity;
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
    // A new first event of its lane; its sequence number is the largest yet, so a tie in time is not earlier.
    const first = this.firstLane;
    if (l.count === 1 && (first === null || l.firstTime() < first.firstTime())) this.firstLane = l;
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
    if (this.size === this.capacity) this.grow();
    const t = timeMs < this.now ? this.now : timeMs;
    const slot = this.freeSlots[--this.freeCount];
    this.kinds[slot] = kind;
    this.payloads[slot] = payload;
    const heap = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = parent * 3;
      const pt = heap[p];
      if (pt < t || (pt === t && heap[p + 1] < seq)) break;
      const j = i * 3;
      heap[j] = pt;
      heap[j + 1] = heap[p + 1];
      heap[j + 2] = heap[p + 2];
      i = parent;
    }
    const j = i * 3;
    heap[j] = t;
    heap[j + 1] = seq;
    heap[j + 2] = slot;
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
      // Read each time: a handler may grow the heap.
      const heap = this.heap;
      const lane = this.firstLane;
      let t: number;
      let kind: number;
      let payload: unknown;
      if (lane !== null && (this.size === 0 || lane.firstTime() < heap[0] || (lane.firstTime() === heap[0] && lane.firstSeq() < heap[1]))) {
        t = lane.firstTime();
        if (t > untilMs) break;
        kind = lane.firstKind();
        payload = lane.shift();
        this.laneEvents--;
        this.firstLane = this.findFirstLane();
      } else {
        if (this.size === 0) break;
        t = heap[0];
        if (t > untilMs) break;
        const slot = heap[2];
        kind = this.kinds[slot];
        payload = this.payloads[slot];
        this.payloads[slot] = null;
        this.freeSlots[this.freeCount++] = slot;
        this.removeTop();
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

  /** The lane whose first event comes first among the lanes' first events (by time, then sequence), or null. */
  private findFirstLane(): EventLane | null {
    let best: EventLane | null = null;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i];
      if (lane.count === 0) continue;
      if (best === null || lane.firstTime() < best.firstTime() || (lane.firstTime() === best.firstTime() && lane.firstSeq() < best.firstSeq())) best = lane;
    }
    return best;
  }

  /** Removes the heap's top entry (its slot already read and freed): the last entry sifts down from the root. */
  private removeTop(): void {
    const last = --this.size;
    if (last === 0) return;
    const heap = this.heap;
    const l = last * 3;
    const t = heap[l];
    const seq = heap[l + 1];
    const slot = heap[l + 2];
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 6 * i + 3;
      // The right child (when there is one) if it comes first.
      const r = c + 3;
      if (r < l && (heap[r] < heap[c] || (heap[r] === heap[c] && heap[r + 1] < heap[c + 1]))) c = r;
      const ct = heap[c];
      if (t < ct || (t === ct && seq < heap[c + 1])) break;
      const j = i * 3;
      heap[j] = ct;
      heap[j + 1] = heap[c + 1];
      heap[j + 2] = heap[c + 2];
      i = c / 3;
    }
    const j = i * 3;
    heap[j] = t;
    heap[j + 1] = seq;
    heap[j + 2] = slot;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    const heap = new Float64Array(capacity * 3);
    heap.set(this.heap);
    this.heap = heap;
    const kinds = new Int32Array(capacity);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const payloads = this.payloads;
    for (let i = old; i < capacity; i++) payloads.push(null);
    // The heap is full, so no slot was free: the new ones are.
    const freeSlots = new Int32Array(capacity);
    for (let i = 0; i < old; i++) freeSlots[i] = capacity - 1 - i;
    this.freeSlots = freeSlots;
    this.freeCount = old;
    this.capacity = capacity;
  }
}
