import { Injectable, Logger } from '@nestjs/common';
import type { Design, PriceOverride } from '@architech/contracts';
import { hasProviderBlocks } from '@architech/sim-engine';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository } from '../repositories/simulation.repository';

/**
 * The price overrides a run's `cost` is computed with: its project's (projects service, internal
 * route), read when the run is about to execute. A design without provider blocks has no cost and
 * asks nothing; when the projects service cannot answer, the run is priced at list prices (its
 * `cost.overrides` is then 0) and a warning is logged, rather than failing the simulation.
 */
@Injectable()
export class RunPrices {
  private readonly logger = new Logger('jobs');

  constructor(
    private readonly simulations: SimulationRepository,
    private readonly peers: PeerServicesRepository,
  ) {}

  async overridesFor(simulationId: string, design: Design): Promise<PriceOverride[]> {
    if (!hasProviderBlocks(design)) return [];
    try {
      const run = await this.simulations.find(simulationId);
      return run ? await this.peers.priceOverrides(run.projectId) : [];
    } catch (error) {
      this.logger.warn(`price overrides for ${simulationId}: ${(error as Error).message}; priced at list prices`);
      return [];
    }
  }
}
