/**
 * A first-in, first-out queue on a growable ring buffer: O(1) push and shift, no per-item
 * allocation. The capacity is a power of two, so wrapping is a mask rather than a division.
 */
export class Fifo<T> {
  private items: (T | undefined)[];
  private mask: number;
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity *= 2;
    this.items = new Array<T | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & this.mask] = item;
    this.count++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Removes every item, handing each to `visit` oldest first. */
  drain(visit: (item: T) => void): void {
    while (this.count > 0) visit(this.shift() as T);
  }

  private grow(): void {
    const items = new Array<T | undefined>(this.items.length * 2).fill(undefined);
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & this.mask];
    this.items = items;
    this.mask = items.length - 1;
    this.head = 0;
  }
}
