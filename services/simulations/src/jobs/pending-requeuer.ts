import { Injectable, Logger } from '@nestjs/common';
import { validateDesign, type SimulationConfig } from '@architech/contracts';
import { JobBusRepository } from '../repositories/job-bus.repository';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository, type SimulationRecord } from '../repositories/simulation.repository';

/**
 * Publishes the jobs of PENDING simulations again when an instance starts taking jobs: an
 * in-process bus forgets its jobs on a restart, and the database row is the truth. A job
 * delivered twice runs once (JobConsumer).
 */
@Injectable()
export class PendingRequeuer {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly peers: PeerServicesRepository,
    private readonly bus: JobBusRepository,
  ) {}

  async requeueAll(): Promise<void> {
    for (const pending of await this.simulations.pending()) await this.requeue(pending);
  }

  /** Publishes a PENDING simulation's job again from its stored configuration and design version. */
  private async requeue(pending: SimulationRecord): Promise<void> {
    try {
      const version = await this.peers.designVersion(pending.designId);
      const design = version && validateDesign({ components: version.components, connections: version.connections });
      if (!design || !design.ok) {
        await this.simulations.finish(pending.id, 'FAILED', 'its design version can no longer be read');
        return;
      }
      this.logger.log(`re-queueing pending simulation ${pending.id}`);
      await this.bus.publishJob(pending, design.value, pending.configuration as unknown as SimulationConfig);
    } catch (error) {
      this.logger.warn(`could not re-queue ${pending.id} yet: ${(error as Error).message}`);
    }
  }
}
