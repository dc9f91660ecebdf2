/**
 * Integral over time of a piecewise-constant quantity (busy workers, queue length, ...), so its
 * time-weighted average over any window is area / window length. Allocation-free.
 *
 * Time may not go backwards: every method taking a time throws RangeError for a time earlier than
 * the last change, because the area already accumulated could no longer be correct.
 */
export class TimeWeightedValue {
  private current = 0;
  // Initialised with numbers (the constructor sets them): a field declared without one starts as
  // undefined, and V8 then keeps every later number in it as a new heap object, allocating per write.
  private lastChangeMs = 0;
  private windowStartMs = 0;
  /** Area from windowStartMs up to lastChangeMs. */
  private accumulated = 0;

  /** Starts with value 0 and an integration window opening at `startTimeMs`. */
  constructor(startTimeMs = 0) {
    this.lastChangeMs = startTimeMs;
    this.windowStartMs = startTimeMs;
  }

  /** Current value of the quantity. */
  get value(): number {
    return this.current;
  }

  /** Time at which the current integration window started. */
  get windowStart(): number {
    return this.windowStartMs;
  }

  /** Changes the quantity to `value` at `timeMs`, integrating the previous value up to then. */
  set(timeMs: number, value: number): void {
    this.advanceTo(timeMs);
    this.current = value;
  }

  /** Changes the quantity by `delta` at `timeMs` (e.g. +1 when a worker becomes busy). */
  add(timeMs: number, delta: number): void {
    this.advanceTo(timeMs);
    this.current += delta;
  }

  /** Area of the current window up to `timeMs`, without changing any state. */
  areaUntil(timeMs: number): number {
    this.assertNotBefore(timeMs);
    return this.accumulated + this.current * (timeMs - this.lastChangeMs);
  }

  /** Time-weighted average of the current window up to `timeMs`; 0 for an empty window. */
  averageUntil(timeMs: number): number {
    const length = timeMs - this.windowStartMs;
    const area = this.areaUntil(timeMs);
    return length > 0 ? area / length : 0;
  }

  /** Discards the area so far and opens a new window at `timeMs` (e.g. at the end of warm-up). */
  resetArea(timeMs: number): void {
    this.takeArea(timeMs);
  }

  /** Returns the area of the current window up to `timeMs` and opens a new window there. */
  takeArea(timeMs: number): number {
    this.advanceTo(timeMs);
    const area = this.accumulated;
    this.accumulated = 0;
    this.windowStartMs = timeMs;
    return area;
  }

  private advanceTo(timeMs: number): void {
    if (!(timeMs >= this.lastChangeMs)) this.assertNotBefore(timeMs);
    this.accumulated += this.current * (timeMs - this.lastChangeMs);
    this.lastChangeMs = timeMs;
  }

  private assertNotBefore(timeMs: number): void {
    if (!(timeMs >= this.lastChangeMs)) {
      throw new RangeError(`TimeWeightedValue: time ${timeMs} is before last change ${this.lastChangeMs}`);
    }
  }
}
