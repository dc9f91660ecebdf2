import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's scheduling priority to `nice` (0 = normal … 19 = lowest). On Linux a
 * thread has a nice value of its own: `/proc/thread-self` names its id, and setpriority on that id
 * changes this thread only, so a background thread (an engine, telemetry ingestion) yields a
 * contended core to the API's event loop while still using any idle core in full. Elsewhere (or
 * when refused) it does nothing: a priority is a preference, never a condition to run. Import it
 * from `@architech/service-kit/thread-priority` in a worker thread that should not load the rest.
 */
export function lowerThreadPriority(nice: number): boolean {
  if (nice <= 0 || process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, nice));
    return true;
  } catch {
    return false;
  }
}
