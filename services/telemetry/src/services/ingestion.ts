import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BUS_TOPICS } from '@architech/contracts';
import type { EventBus, Subscription } from '@architech/service-kit';
import { EVENT_BUS, TELEMETRY_WRITER } from '../tokens';
import { TelemetryCompletion } from './completion';
import type { BatchKind, TelemetryWriter } from './telemetry-writer';

/**
 * Consumes metric, span and log batches from the bus (one consumer group shared by every
 * telemetry instance) and has the writer store them: on Postgres-backed stores a thread of its
 * own decodes and writes ({@link ThreadedWriter}), so ingestion never holds the event loop that
 * answers requests. The stores' writes are idempotent, so a redelivered batch creates no
 * duplicates; a batch that does not decode is skipped and reported by the bus rather than retried
 * forever.
 */
@Injectable()
export class Ingestion implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(TELEMETRY_WRITER) private readonly writer: TelemetryWriter,
    private readonly completion: TelemetryCompletion,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const group = 'telemetry-ingest';
    const topics: [string, BatchKind][] = [[BUS_TOPICS.metrics, 'metrics'], [BUS_TOPICS.spans, 'spans'], [BUS_TOPICS.logs, 'logs']];
    // After each stored batch, completion checks whether it was the last of a final publication.
    for (const [topic, kind] of topics) {
      this.subscriptions.push(await this.bus.subscribe({ topic, group }, (m) => this.writer.write(kind, m.value).then(() => this.completion.landed(m.key, m.headers))));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.writer.close();
  }
}
