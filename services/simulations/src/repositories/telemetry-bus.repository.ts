import { Inject, Injectable } from '@nestjs/common';
import { BUS_TOPICS } from '@architech/contracts';
import type { EventBus } from '@architech/service-kit';
import type { SimulationResult } from '@architech/sim-engine';
import { encodeFinalTelemetry, type FinalTelemetry, type LiveTelemetry } from '../services/final-telemetry';
import { EVENT_BUS } from './event-bus.token';

/** Batches handed to the bus per call of the final publication. */
const PUBLISH_GROUP = 8;

/**
 * Streams a finished simulation's series, traces and logs to the bus as protobuf batches keyed by
 * simulation id. Batch ids are deterministic, so a redelivered or re-published batch is
 * recognisably the same and ingestion stays idempotent.
 */
@Injectable()
export class TelemetryBusRepository {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  /**
   * Publishes a running simulation's live series and logs (encoded on the engine thread), so
   * dashboards fill while the run goes on.
   */
  async publishLive(live: LiveTelemetry): Promise<void> {
    if (live.metrics.length > 0) await this.bus.publish(BUS_TOPICS.metrics, live.metrics);
    if (live.logs.length > 0) await this.bus.publish(BUS_TOPICS.logs, live.logs);
  }

  /** Publishes a finished run's telemetry (encoded here when the engine thread has not done it). */
  async publish(simulationId: string, result: SimulationResult): Promise<void> {
    await this.publishFinal(encodeFinalTelemetry(simulationId, result));
  }

  /**
   * Publishes a finished run's encoded telemetry, a bounded group of batches at a time with a turn
   * of the event loop between groups, so the bus handing them on never holds it for long.
   */
  async publishFinal(final: FinalTelemetry): Promise<void> {
    for (const [topic, list] of [[BUS_TOPICS.metrics, final.metrics], [BUS_TOPICS.spans, final.spans], [BUS_TOPICS.logs, final.logs]] as const) {
      for (let i = 0; i < list.length; i += PUBLISH_GROUP) {
        await this.bus.publish(topic, list.slice(i, i + PUBLISH_GROUP));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
