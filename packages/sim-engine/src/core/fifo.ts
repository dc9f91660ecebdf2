/** A first-in, first-out queue on a growable ring buffer: O(1) push and shift, no per-item allocation. */
export class Fifo<T> {
  private items: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 16) {
    this.items = new Array<T | undefined>(initialCapacity);
  }

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = item;
    this.count++;
  }

  /** Removes and returns the oldest item, or undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return item;
  }

  /** Removes every item, handing each to `visit` oldest first. */
  drain(visit: (item: T) => void): void {
    while (this.count > 0) visit(this.shift() as T);
  }

  private grow(): void {
    const items = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) % this.items.length];
    this.items = items;
    this.head = 0;
  }
}
