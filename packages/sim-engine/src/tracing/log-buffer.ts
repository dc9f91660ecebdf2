import type { LogRecord } from './span';

/** Records kept per component, event kind and bucket before the rest are only counted. */
const NOISY_PER_BUCKET = 3;

/**
 * Failed requests logged by {@link LogBuffer.pushFailure}, in words a log search finds ("error",
 * "unavailable"). Timeouts, drops, losses, open breakers and the hop limit are logged where they
 * happen.
 */
const FAILURE_TEXT: Readonly<Record<string, string>> = {
  error: 'error returned by the component (injected error fault)',
  downstream_error: 'error from a downstream call',
  unavailable: 'unavailable: no replica is up',
  crashed: 'unavailable: the replica serving it crashed',
};

/**
 * Structured logs with a fixed ceiling: past `maxLogs` records are counted, not kept. Noisy
 * events (drops, timeouts, lost messages, failed requests by reason) keep a few records per
 * component, reason and bucket and then one summary record saying how many were suppressed.
 */
export class LogBuffer {
  readonly records: LogRecord[] = [];
  /** Records that did not fit under the ceiling. */
  overflow = 0;
  private readonly noisy = new Map<string, { componentId: string; event: string; count: number; summary?: (suppressed: number) => string }>();

  constructor(private readonly maxLogs: number) {}

  push(record: LogRecord): void {
    if (this.records.length >= this.maxLogs) {
      this.overflow++;
      return;
    }
    if (record.event === 'fault_start') {
      // A fault is logged once it has acted (a crash knows how many replicas went down), after the
      // failures it caused at that same instant: it goes back in front of them.
      let at = this.records.length;
      while (at > 0 && this.records[at - 1]!.timeMs === record.timeMs && this.records[at - 1]!.event.startsWith('request_')) at--;
      this.records.splice(at, 0, record);
      return;
    }
    this.records.push(record);
  }

  /**
   * Logs a noisy event unless this component already logged enough of them in this bucket. The
   * event's name is added to a message that does not say it ("timed out" gets "(timeout)"), so a
   * search for the event finds it; `summary` words the record of what was suppressed.
   */
  pushNoisy(record: LogRecord & { componentId: string }, summary?: (suppressed: number) => string): void {
    const key = `${record.componentId}\u0000${record.event}`;
    let entry = this.noisy.get(key);
    if (!entry) {
      entry = { componentId: record.componentId, event: record.event, count: 0, ...(summary ? { summary } : {}) };
      this.noisy.set(key, entry);
    }
    if (++entry.count > NOISY_PER_BUCKET) return;
    const word = record.event.replace(/_/g, ' ');
    const named = summary !== undefined || record.message.toLowerCase().includes(word);
    this.push(named ? record : { ...record, message: `${record.message} (${word})` });
  }

  /**
   * Logs a failed request at `componentId` (sampled: a few per component, reason and bucket, then
   * one record with the count), for the outcomes that are not logged where they happen. Returns
   * without logging for any other outcome.
   */
  pushFailure(timeMs: number, componentId: string, outcome: string): void {
    const text = FAILURE_TEXT[outcome];
    if (text === undefined) return;
    this.pushNoisy(
      { timeMs, level: 'error', event: `request_${outcome}`, componentId, message: `${componentId}: request failed: ${text}`, attributes: { reason: outcome } },
      (suppressed) => `${componentId}: ${suppressed} more requests failed in this interval: ${text}`,
    );
  }

  /** Ends a bucket: one summary record per noisy stream that was cut short. */
  closeBucket(nowMs: number): void {
    if (this.noisy.size === 0) return;
    for (const entry of this.noisy.values()) {
      const suppressed = entry.count - NOISY_PER_BUCKET;
      if (suppressed > 0) {
        this.push({
          timeMs: nowMs,
          level: entry.summary ? 'error' : 'warn',
          event: `${entry.event}_suppressed`,
          componentId: entry.componentId,
          message: entry.summary ? entry.summary(suppressed) : `${entry.componentId}: ${suppressed} more ${entry.event.replace(/_/g, ' ')} events in this interval`,
          attributes: { suppressed },
        });
      }
    }
    this.noisy.clear();
  }
}
