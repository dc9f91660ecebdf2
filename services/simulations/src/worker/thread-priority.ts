import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';

/**
 * Lowers the calling thread's scheduling priority to `nice` (0 = normal … 19 = lowest). On Linux a
 * thread has a nice value of its own: `/proc/thread-self` names its id, and setpriority on that id
 * changes this thread only, so the engine yields a contended core to the API's event loop while
 * still using any idle core in full. Elsewhere (or when refused) it does nothing: a priority is a
 * preference, never a condition to run.
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

// Imported first by engine-thread.ts: an engine thread drops its priority (the pool's workerData.nice,
// SIM_ENGINE_NICE) before it loads the engine.
if (!isMainThread) lowerThreadPriority((workerData as { nice?: number } | undefined)?.nice ?? 0);
