import { Inject, Injectable, Logger } from '@nestjs/common';
import { BUS_TOPICS, encodeSimulationsPurged, PURGED_SIMULATIONS_PER_EVENT } from '@architech/contracts';
import { ApiException, type EventBus } from '@architech/service-kit';
import { CLOCK, type Clock } from '../jobs/clock';
import { EVENT_BUS } from '../repositories/event-bus.token';
import { SimulationLifecycleRepository } from './simulation-lifecycle.repository';

/**
 * Deletes a purged project's runs (docs/data-lifecycle.md). Runs still going are stopped first and
 * the purge answers 409 until they have: their telemetry must all be published before telemetry is
 * told to delete it. Then a `SimulationsPurgedEvent` per 500 runs goes on the bus (telemetry deletes
 * their series, traces and logs), and only then the rows: if deleting fails, the retry publishes
 * again, which is harmless.
 */
@Injectable()
export class SimulationPurgeService {
  private readonly logger = new Logger('simulation-purge');

  constructor(
    private readonly lifecycle: SimulationLifecycleRepository,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async purge(projectId: string): Promise<{ deleted: number }> {
    const running = await this.lifecycle.stopActive(projectId);
    if (running > 0) throw new ApiException(409, 'runs_stopping', `${running} run(s) of project ${projectId} are being stopped; purge again once they have stopped`, { running });
    const ids = await this.lifecycle.simulationIds(projectId);
    const purgedAt = new Date(this.clock.now()).toISOString();
    for (let start = 0; start < ids.length; start += PURGED_SIMULATIONS_PER_EVENT) {
      const simulationIds = ids.slice(start, start + PURGED_SIMULATIONS_PER_EVENT);
      await this.bus.publish(BUS_TOPICS.simulationsPurged, [{ key: projectId, value: encodeSimulationsPurged({ projectId, simulationIds, purgedAt }) }]);
    }
    const deleted = await this.lifecycle.purgeProject(projectId);
    if (deleted > 0) this.logger.log(`purged ${deleted} run(s) of project ${projectId}`);
    return { deleted };
  }
}
