import { isMainThread, workerData } from 'node:worker_threads';
import { lowerThreadPriority } from '@architech/service-kit/thread-priority';

export { lowerThreadPriority };

// Imported first by engine-thread.ts: an engine thread drops its priority (the pool's workerData.nice,
// SIM_ENGINE_NICE) before it loads the engine.
if (!isMainThread) lowerThreadPriority((workerData as { nice?: number } | undefined)?.nice ?? 0);
