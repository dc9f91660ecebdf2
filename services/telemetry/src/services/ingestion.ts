import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { attributesFromProto, BUS_TOPICS, decodeLogBatch, decodeMetricBatch, decodeSpanBatch, LogLevel, SpanKind, SpanStatusCode, TraceKeepReason, TraceStatus } from '@architech/contracts';
import { decodeOrSkip, type EventBus, type MetricPoint, type MetricStore, type StoredLog, type StoredTrace, type Subscription, type TraceStore } from '@architech/service-kit';
import { EVENT_BUS, METRIC_STORE, TRACE_STORE } from '../tokens';
import { TelemetryCompletion } from './completion';

const LEVELS: Record<number, StoredLog['level']> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };
const KINDS: Record<number, string> = { [SpanKind.CLIENT]: 'CLIENT', [SpanKind.SERVER]: 'SERVER', [SpanKind.CONSUMER]: 'CONSUMER' };
const SPAN_STATUS: Record<number, 'OK' | 'ERROR' | 'UNSET'> = { [SpanStatusCode.OK]: 'OK', [SpanStatusCode.ERROR]: 'ERROR', [SpanStatusCode.UNSET]: 'UNSET' };
const REASONS: Record<number, string> = { [TraceKeepReason.SAMPLED]: 'sampled', [TraceKeepReason.ERROR]: 'error', [TraceKeepReason.SLOW]: 'slow' };

/**
 * Consumes metric, span and log batches from the bus (one consumer group shared by every
 * telemetry instance) and writes them to the stores. The stores' writes are idempotent, so a
 * redelivered batch creates no duplicates; a batch that does not decode is skipped and reported by
 * the bus rather than retried forever.
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
    const traces: StoredTrace[] = batch.traces.map((t) => ({
      traceId: t.traceId,
      rootComponentId: t.rootComponentId,
      startMs: t.startMs,
      durationMs: t.durationMs,
      status: t.status === TraceStatus.ERROR ? 'ERROR' : 'OK',
      reason: REASONS[t.reason] ?? 'sampled',
      ...(t.linkedTraceId ? { linkedTraceId: t.linkedTraceId } : {}),
      spans: t.spans.map((s) => ({
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId || null,
        name: s.name,
        kind: KINDS[s.kind] ?? 'SERVER',
        componentId: s.componentId,
        componentType: s.componentType,
        startMs: s.startMs,
        endMs: s.endMs,
        durationMs: s.endMs - s.startMs,
        status: s.statusMessage ? { code: SPAN_STATUS[s.statusCode] ?? 'UNSET', message: s.statusMessage } : { code: SPAN_STATUS[s.statusCode] ?? 'UNSET' },
        attributes: attributesFromProto(s.attributes),
      })),
    }));
    await this.traces.writeTraces(batch.simulationId, traces);
  }

  async ingestLogs(bytes: Uint8Array): Promise<void> {
    const batch = decodeOrSkip('log batch', bytes, decodeLogBatch);
    const logs: StoredLog[] = batch.records.map((r) => ({
      id: r.id,
      timeMs: r.timeMs,
      level: LEVELS[r.level] ?? 'info',
      event: r.event,
      componentId: r.componentId ?? null,
      message: r.message,
      attributes: attributesFromProto(r.attributes),
    }));
    await this.traces.writeLogs(batch.simulationId, logs);
    this.logger.debug(`stored ${logs.length} logs of ${batch.simulationId}`);
  }
}
