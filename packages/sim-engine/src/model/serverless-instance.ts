import { Replica } from './replica';

/** What an idle instance's reclaim check calls back. */
export interface InstanceOwner {
  /** The idle timeout of `instance` may have run out: reclaim it if it stayed idle. */
  reclaimIfIdle(instance: ServerlessInstance): void;
}

/**
 * One instance of a serverless component, started on demand: a replica whose slots are its
 * `concurrencyPerInstance`, with the bookkeeping of its cold start and of its idle timeout.
 */
export class ServerlessInstance extends Replica {
  /** When its cold start ends; calls placed on it earlier wait until then. */
  readyAtMs = 0;
  /** Since when it has served nothing (meaningful while `busy` is 0). */
  idleSinceMs = 0;
  /** A reclaim check is pending in the scheduler (at most one per instance). */
  reclaimScheduled = false;

  constructor(
    index: number,
    trackInFlight: boolean,
    readonly owner: InstanceOwner,
  ) {
    super(index, trackInFlight);
    this.active = false;
  }
}
