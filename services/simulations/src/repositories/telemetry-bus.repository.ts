import { Inject, Injectable } from '@nestjs/common';
import { BUS_TOPICS, END_TO_END, encodeMetricBatch } from '@architech/contracts';
import type { EventBus } from '@architech/service-kit';
import { SERIES_METRICS, type LogRecord, type SeriesBucket, type SimulationResult } from '@architech/sim-engine';
import { encodeFinalTelemetry, logMessages, seriesPerBatch, type FinalTelemetry } from '../services/final-telemetry';
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
   * Publishes buckets of the first replication while the run goes on, so dashboards fill live, with
   * the log records written meanwhile. The final series (the mean over replications) later
   * overwrite the same points; the final logs are the same records under the same ids.
   */
  async publishLive(simulationId: string, buckets: SeriesBucket[], bucketSec: number, types: ReadonlyMap<string, string>): Promise<void> {
    if (buckets.length === 0) return;
    const first = buckets[0];
    const ids = [END_TO_END, ...Object.keys(first.components)];
    const chunks = [];
    for (const componentId of ids) {
      for (const metric of SERIES_METRICS) {
        const values = buckets.map((b) => (componentId === END_TO_END ? b.endToEnd : b.components[componentId])[metric]);
        chunks.push({ componentId, componentType: componentId === END_TO_END ? 'END_TO_END' : (types.get(componentId) ?? 'UNKNOWN'), metric, startSec: first.startSec, values });
      }
    }
    const messages = [];
    const perBatch = seriesPerBatch(buckets.length);
    for (let i = 0; i < chunks.length; i += perBatch) {
      const batch = encodeMetricBatch({ simulationId, batchId: `${simulationId}:live:${first.index}:${i / perBatch}`, bucketSec, series: chunks.slice(i, i + perBatch) });
      messages.push({ key: simulationId, value: batch });
    }
    await this.bus.publish(BUS_TOPICS.metrics, messages);
    const logs = buckets.flatMap((b) => b.logs);
    await this.publishLogs(simulationId, logs, first.firstLogIndex, 'live-logs');
  }

  /**
   * Publishes log records as LogBatches. A record's id is its index in the run's log, so the
   * records streamed live and the final publication of the same log are the same documents.
   */
  private async publishLogs(simulationId: string, logs: readonly LogRecord[], firstIndex: number, label: string): Promise<void> {
    const messages = logMessages(simulationId, logs, firstIndex, label);
    if (messages.length > 0) await this.bus.publish(BUS_TOPICS.logs, messages);
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
