import type { SimulationResult } from '../runtime/result';
import type { ReplicationObservation } from './types';

/** What the checks need of a one-replication result (the CLI's run, or a stored run of the service). */
export function observationOf(result: Pick<SimulationResult, 'summary' | 'settings' | 'timeseries' | 'faults'>): ReplicationObservation {
  return {
    seed: result.settings.seed,
    summary: result.summary,
    settings: { durationSec: result.settings.durationSec, warmupSec: result.settings.warmupSec, bucketSec: result.settings.bucketSec },
    timeseries: { bucketSec: result.timeseries.bucketSec, endToEnd: result.timeseries.endToEnd, components: result.timeseries.components },
    faults: result.faults,
  };
}
