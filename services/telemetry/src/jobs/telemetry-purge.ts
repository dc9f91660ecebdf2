import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { BUS_TOPICS, decodeSimulationsPurged } from '@architech/contracts';
import { decodeOrSkip, isUuid, type EventBus, type MetricStore, type Subscription, type TraceStore } from '@architech/service-kit';
import { EVENT_BUS, METRIC_STORE, TRACE_STORE } from '../tokens';

/**
 * Deletes the series, traces and logs of a purged project's runs (`BUS_TOPICS.simulationsPurged`,
 * docs/data-lifecycle.md) through the store ports' `deleteSimulations`. One consumer group shared
 * by every instance; a failed delete is retried by the bus, and deleting twice is harmless.
 */
@Injectable()
export class TelemetryPurge implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('telemetry-purge');
  private subscription: Subscription | undefined;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.bus.subscribe({ topic: BUS_TOPICS.simulationsPurged, group: 'telemetry-purge' }, async (message) => {
      const event = decodeOrSkip('simulations purged', message.value, decodeSimulationsPurged);
      await this.purge(event.simulationIds.filter(isUuid));
    });
  }

  /** Deletes these runs' telemetry from both stores. */
  async purge(simulationIds: string[]): Promise<void> {
    if (simulationIds.length === 0) return;
    await this.metrics.deleteSimulations(simulationIds);
    await this.traces.deleteSimulations(simulationIds);
    this.logger.log(`deleted the telemetry of ${simulationIds.length} run(s) of a purged project`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
