import type { LogRecord } from './span';

/** Records kept per component, event kind and bucket before the rest are only counted. */
const NOISY_PER_BUCKET = 3;

/**
 * Structured logs with a fixed ceiling: past `maxLogs` records are counted, not kept. Noisy
 * events (drops, timeouts, lost messages) keep a few records per component and bucket and then
 * one summary record saying how many were suppressed.
 */
export class LogBuffer {
  readonly records: LogRecord[] = [];
  /** Records that did not fit under the ceiling. */
  overflow = 0;
  private readonly noisy = new Map<string, { componentId: string; event: string; count: number }>();

  constructor(private readonly maxLogs: number) {}

  push(record: LogRecord): void {
    if (this.records.length < this.maxLogs) this.records.push(record);
    else this.overflow++;
  }

  /** Logs a noisy event unless this component already logged enough of them in this bucket. */
  pushNoisy(record: LogRecord & { componentId: string }): void {
    const key = `${record.componentId}\u0000${record.event}`;
    let entry = this.noisy.get(key);
    if (!entry) {
      entry = { componentId: record.componentId, event: record.event, count: 0 };
      this.noisy.set(key, entry);
    }
    if (++entry.count <= NOISY_PER_BUCKET) this.push(record);
  }

  /** Ends a bucket: one summary record per noisy stream that was cut short. */
  closeBucket(nowMs: number): void {
    for (const entry of this.noisy.values()) {
      const suppressed = entry.count - NOISY_PER_BUCKET;
      if (suppressed > 0) {
        this.push({
          timeMs: nowMs,
          level: 'warn',
          event: `${entry.event}_suppressed`,
          componentId: entry.componentId,
          message: `${entry.componentId}: ${suppressed} more ${entry.event} events in this interval`,
          attributes: { suppressed },
        });
      }
    }
    this.noisy.clear();
  }
}
