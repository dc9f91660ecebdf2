import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BUS_TOPICS, decodeTelemetryExpired } from '@architech/contracts';
import { decodeOrSkip, isUuid, type EventBus, type Subscription } from '@architech/service-kit';
import { SimulationRepository } from '../repositories/simulation.repository';
import { EVENT_BUS } from '../repositories/event-bus.token';

/**
 * Takes telemetry's expiry events (`BUS_TOPICS.telemetryExpiry`: retention deleted a run's series,
 * traces and logs) and records them on the simulation, which the API then reports as
 * `telemetryExpiredAt`; the summary, result and check evidence stay. One consumer group shared by
 * every instance; the update is idempotent.
 */
@Injectable()
export class TelemetryExpiryAcks implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('telemetry-expiry');
  private subscription: Subscription | undefined;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly simulations: SimulationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({ topic: BUS_TOPICS.telemetryExpiry, group: 'simulations-telemetry-expiry' }, async (message) => {
      const event = decodeOrSkip('telemetry expiry', message.value, decodeTelemetryExpired);
      const expiredAt = new Date(event.expiredAt);
      if (!isUuid(event.simulationId) || Number.isNaN(expiredAt.getTime())) return;
      if (!(await this.simulations.markTelemetryExpired(event.simulationId, expiredAt, event.retentionDays))) this.logger.warn(`telemetry expiry for unknown simulation ${event.simulationId}`);
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
