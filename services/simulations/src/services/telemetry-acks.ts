import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BUS_TOPICS, decodeTelemetryLanded } from '@architech/contracts';
import { decodeOrSkip, type EventBus, type Subscription } from '@architech/service-kit';
import { SimulationRepository } from '../repositories/simulation.repository';
import { EVENT_BUS } from '../repositories/event-bus.token';

/**
 * Takes telemetry's acknowledgements (`BUS_TOPICS.telemetryStatus`: a run's final telemetry is all
 * stored) and records them on the simulation, which the API then reports as `telemetryComplete`.
 * One consumer group shared by every instance; the update is idempotent.
 */
@Injectable()
export class TelemetryAcks implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('telemetry-acks');
  private subscription: Subscription | undefined;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly simulations: SimulationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({ topic: BUS_TOPICS.telemetryStatus, group: 'simulations-telemetry-acks' }, async (message) => {
      const event = decodeOrSkip('telemetry acknowledgement', message.value, decodeTelemetryLanded);
      const landedAt = new Date(event.landedAt);
      // An id that is not a uuid cannot name a simulation (and Postgres would refuse it).
      if (!/^[0-9a-f-]{36}$/i.test(event.simulationId) || Number.isNaN(landedAt.getTime())) return;
      if (!(await this.simulations.markTelemetryComplete(event.simulationId, landedAt))) this.logger.warn(`telemetry acknowledged unknown simulation ${event.simulationId}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
