/**
 * Events that all fire the same delay after they are scheduled (the timeouts callers set on one
 * component). Time only moves forward, so they arrive in (time, sequence) order and a first-in,
 * first-out ring keeps them sorted: the scheduler's heap never holds them, which keeps it small
 * when thousands of timeouts are pending (most of them fire after their call has long settled).
 * Entries live in parallel typed arrays, as in the heap; the capacity is a power of two.
 */
export class EventLane {
  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private payloads: unknown[];
  private mask: number;
  private head = 0;
  /** Events waiting in this lane. */
  count = 0;

  constructor(
    /** The delay every event of this lane waits. */
    readonly delayMs: number,
    initialCapacity = 256,
  ) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity *= 2;
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.payloads = new Array<unknown>(capacity).fill(null);
    this.mask = capacity - 1;
  }

  /** Appends an event; its (time, sequence) must not be earlier than the last one's. */
  push(timeMs: number, seq: number, kind: number, payload: unknown): void {
    if (this.count === this.times.length) this.grow();
    const i = (this.head + this.count) & this.mask;
    this.times[i] = timeMs;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.payloads[i] = payload;
    this.count++;
  }

  /** Time of the first event (the lane must not be empty). */
  firstTime(): number {
    return this.times[this.head];
  }

  /** Sequence number of the first event (the lane must not be empty). */
  firstSeq(): number {
    return this.seqs[this.head];
  }

  /** Kind of the first event (the lane must not be empty). */
  firstKind(): number {
    return this.kinds[this.head];
  }

  /** Removes the first event and returns its payload (the lane must not be empty). */
  shift(): unknown {
    const head = this.head;
    const payload = this.payloads[head];
    this.payloads[head] = null;
    this.head = (head + 1) & this.mask;
    this.count--;
    return payload;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const kinds = new Int32Array(capacity);
    const payloads = new Array<unknown>(capacity).fill(null);
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) & this.mask;
      times[k] = this.times[i];
      seqs[k] = this.seqs[i];
      kinds[k] = this.kinds[i];
      payloads[k] = this.payloads[i];
    }
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.payloads = payloads;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
