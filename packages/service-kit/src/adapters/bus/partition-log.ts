import type { BusMessage } from '../../ports/event-bus.port';

/**
 * One partition of an in-process topic: an append-only run of messages addressed by offset
 * (0, 1, 2, … for the partition's whole life), whose head can be dropped once every consumer
 * group has committed past it. Offsets never move when the head is dropped.
 */
export class PartitionLog {
  private entries: BusMessage[] = [];
  /** Index in `entries` of the oldest kept message; dropped slots are compacted lazily. */
  private head = 0;
  /** Offset of `entries[head]`. */
  private base = 0;

  /** Offset of the oldest message still kept (equals `endOffset` when the log is empty). */
  get startOffset(): number {
    return this.base;
  }

  /** Offset the next appended message gets. */
  get endOffset(): number {
    return this.base + this.entries.length - this.head;
  }

  append(message: BusMessage): number {
    this.entries.push(message);
    return this.endOffset - 1;
  }

  /** The message at `offset`, or `undefined` if it is not yet written or already dropped. */
  at(offset: number): BusMessage | undefined {
    if (offset < this.base) return undefined;
    return this.entries[this.head + offset - this.base];
  }

  /** Drops every message with an offset below `offset`. */
  truncateBelow(offset: number): void {
    const drop = Math.min(offset, this.endOffset) - this.base;
    if (drop <= 0) return;
    this.head += drop;
    this.base += drop;
    // Shifting the array on every commit would be quadratic; compact once the dead prefix dominates.
    if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
