import { Injectable, Logger } from '@nestjs/common';
import { SimulationRepository } from '../repositories/simulation.repository';

/**
 * The places of the simulations waiting in this instance's engine pool, recorded on their rows
 * (`queuePosition`, 1 = next). Writes are coalesced: one in flight at a time, and changes made
 * meanwhile are written together by the next one.
 */
@Injectable()
export class QueuePositions {
  private readonly logger = new Logger('jobs');
  /** Waiting simulations by id → the pool's run id. */
  private readonly waitingRuns = new Map<string, number>();
  private places: () => ReadonlyMap<number, number> = () => new Map();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly simulations: SimulationRepository) {}

  /** Where the pool's places come from (run id → place). */
  follow(places: () => ReadonlyMap<number, number>): void {
    this.places = places;
  }

  /** `id` waits in the pool as run `runId`. */
  waiting(id: string, runId: number): void {
    this.waitingRuns.set(id, runId);
  }

  isWaiting(id: string): boolean {
    return this.waitingRuns.has(id);
  }

  /** `id` no longer waits (an engine thread took it, or it ended). */
  leave(id: string): void {
    this.waitingRuns.delete(id);
  }

  /** The waiting runs changed: record their places. */
  changed(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.writing = this.writing.then(async () => {
      this.dirty = false;
      const places = this.places();
      const byId = new Map<string, number>();
      for (const [id, runId] of this.waitingRuns) {
        const place = places.get(runId);
        if (place !== undefined) byId.set(id, place);
      }
      await this.simulations.setQueuePositions(byId).catch((e: Error) => this.logger.warn(`queue positions: ${e.message}`));
    });
  }

  /** Resolves once the writes asked for so far are done. */
  settled(): Promise<void> {
    return this.writing;
  }
}
