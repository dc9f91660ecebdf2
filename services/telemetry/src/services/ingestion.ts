import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BUS_TOPICS, decodeLogBatch, decodeMetricBatch, decodeSpanBatch } from '@architech/contracts';
import { decodeOrSkip, type EventBus, type MetricPoint, type MetricStore, type Subscription, type TraceStore } from '@architech/service-kit';
import { EVENT_BUS, METRIC_STORE, TRACE_STORE } from '../tokens';
import { TelemetryCompletion } from './completion';

/**
 * Consumes metric, span and log batches from the bus (one consumer group shared by every
 * telemetry instance) and writes them to the stores. The stores' writes are idempotent, so a
 * redelivered batch creates no duplicates; a batch that does not decode or validate (the contracts'
 * codecs) is skipped and reported by the bus rather than retried forever.
 */
@Injectable()
export class Ingestion implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ingestion');
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
    private readonly completion: TelemetryCompletion,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const group = 'telemetry-ingest';
    // After each stored batch, completion checks whether it was the last of a final publication.
    this.subscriptions.push(await this.bus.subscribe({ topic: BUS_TOPICS.metrics, group }, (m) => this.ingestMetrics(m.value).then(() => this.completion.landed(m.key, m.headers))));
    this.subscriptions.push(await this.bus.subscribe({ topic: BUS_TOPICS.spans, group }, (m) => this.ingestSpans(m.value).then(() => this.completion.landed(m.key, m.headers))));
    this.subscriptions.push(await this.bus.subscribe({ topic: BUS_TOPICS.logs, group }, (m) => this.ingestLogs(m.value).then(() => this.completion.landed(m.key, m.headers))));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  async ingestMetrics(bytes: Uint8Array): Promise<void> {
    const batch = decodeOrSkip('metric batch', bytes, decodeMetricBatch);
    const points: MetricPoint[] = [];
    for (const chunk of batch.series) {
      chunk.values.forEach((value, i) => {
        points.push({ simulationId: batch.simulationId, componentId: chunk.componentId, componentType: chunk.componentType, metric: chunk.metric, timeSec: chunk.startSec + i * batch.bucketSec, value });
      });
    }
    await this.metrics.write(points);
  }

  async ingestSpans(bytes: Uint8Array): Promise<void> {
    const batch = decodeOrSkip('span batch', bytes, decodeSpanBatch);
    await this.traces.writeTraces(batch.simulationId, batch.traces);
  }

  async ingestLogs(bytes: Uint8Array): Promise<void> {
    const batch = decodeOrSkip('log batch', bytes, decodeLogBatch);
    await this.traces.writeLogs(batch.simulationId, batch.records);
    this.logger.debug(`stored ${batch.records.length} logs of ${batch.simulationId}`);
  }
}
