import type { EnginePool } from '../worker/engine-pool';

/** What the job classes use of the engine pool; specs hand them a fake one. */
export type JobEngine = Pick<EnginePool, 'run' | 'positions' | 'onQueueChange' | 'close'>;

/** Starts this instance's engine pool (its threads), when it starts taking jobs. */
export type EngineFactory = () => JobEngine;

export const ENGINE_FACTORY = Symbol('ENGINE_FACTORY');
