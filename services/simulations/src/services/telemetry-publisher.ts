import { Inject, Injectable } from '@nestjs/common';
import { BUS_TOPICS, END_TO_END, encodeLogBatch, encodeMetricBatch, encodeSpanBatch, formatTelemetryManifest, TELEMETRY_HEADERS, type MetricSeriesChunk, type TelemetryKind } from '@architech/contracts';
import type { EventBus, OutgoingMessage } from '@architech/service-kit';
import { SERIES_METRICS, type LogRecord, type SeriesBucket, type SimulationResult } from '@architech/sim-engine';
import { EVENT_BUS } from './job-publisher';

/** Series per metric batch and traces/logs per batch: bounded messages, a few hundred KB at most. */
const SERIES_PER_BATCH = 60;
/** Values per metric batch (8 bytes each): ~400 KB, well under Kafka's default 1 MB message limit however long the run. */
const VALUES_PER_BATCH = 50_000;

/** Series per batch for series of `length` values: at most SERIES_PER_BATCH, and at most VALUES_PER_BATCH values in all. */
const seriesPerBatch = (length: number) => Math.max(1, Math.min(SERIES_PER_BATCH, Math.floor(VALUES_PER_BATCH / Math.max(1, length))));
const TRACES_PER_BATCH = 100;
const LOGS_PER_BATCH = 1000;


/**
 * Streams a finished simulation's series, traces and logs to the bus as protobuf batches keyed by
 * simulation id. Batch ids are deterministic, so a redelivered or re-published batch is
 * recognisably the same and ingestion stays idempotent.
 */
@Injectable()
export class TelemetryPublisher {
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
    const chunks: MetricSeriesChunk[] = [];
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
    const messages = this.logMessages(simulationId, logs, firstIndex, label);
    if (messages.length > 0) await this.bus.publish(BUS_TOPICS.logs, messages);
  }

  private logMessages(simulationId: string, logs: readonly LogRecord[], firstIndex: number, label: string): OutgoingMessage[] {
    const messages: OutgoingMessage[] = [];
    for (let i = 0; i < logs.length; i += LOGS_PER_BATCH) {
      // A record's id is its index in the run's log.
      const records = logs.slice(i, i + LOGS_PER_BATCH).map((l, j) => ({ ...l, id: `${firstIndex + i + j}` }));
      const batch = encodeLogBatch({ simulationId, batchId: `${simulationId}:${label}:${firstIndex + i}`, records });
      messages.push({ key: simulationId, value: batch });
    }
    return messages;
  }

  async publish(simulationId: string, result: SimulationResult): Promise<void> {
    const { timeseries } = result;
    const types = new Map(Object.entries(result.summary.components).map(([id, c]) => [id, c.type]));
    const chunks: MetricSeriesChunk[] = [];
    const sets: [string, string, Record<string, number[]>][] = [[END_TO_END, 'END_TO_END', timeseries.endToEnd], ...Object.entries(timeseries.components).map(([id, s]) => [id, types.get(id) ?? 'UNKNOWN', s] as [string, string, Record<string, number[]>])];
    for (const [componentId, componentType, series] of sets) {
      for (const metric of SERIES_METRICS) chunks.push({ componentId, componentType, metric, startSec: 0, values: series[metric] });
    }
    const messages: OutgoingMessage[] = [];
    const perBatch = seriesPerBatch(chunks[0]?.values.length ?? 0);
    for (let i = 0; i < chunks.length; i += perBatch) {
      const batch = encodeMetricBatch({ simulationId, batchId: `${simulationId}:metrics:${i / perBatch}`, bucketSec: timeseries.bucketSec, series: chunks.slice(i, i + perBatch) });
      messages.push({ key: simulationId, value: batch });
    }

    const spanMessages: OutgoingMessage[] = [];
    for (let i = 0; i < result.traces.length; i += TRACES_PER_BATCH) {
      const traces = result.traces.slice(i, i + TRACES_PER_BATCH);
      const batch = encodeSpanBatch({ simulationId, batchId: `${simulationId}:spans:${i / TRACES_PER_BATCH}`, traces });
      spanMessages.push({ key: simulationId, value: batch });
    }
    const logMessages = this.logMessages(simulationId, result.logs, 0, 'logs');

    // Every batch of the final publication says which it is and how many there are, so telemetry
    // can tell when all have landed and acknowledge it (telemetryComplete).
    const manifest = formatTelemetryManifest({ metrics: messages.length, spans: spanMessages.length, logs: logMessages.length });
    const mark = (kind: TelemetryKind, list: OutgoingMessage[]) =>
      list.map((m, index) => ({ ...m, headers: { ...m.headers, [TELEMETRY_HEADERS.batch]: `${kind}:${index}`, [TELEMETRY_HEADERS.manifest]: manifest } }));
    await this.bus.publish(BUS_TOPICS.metrics, mark('metrics', messages));
    await this.bus.publish(BUS_TOPICS.spans, mark('spans', spanMessages));
    if (logMessages.length > 0) await this.bus.publish(BUS_TOPICS.logs, mark('logs', logMessages));
  }
}
