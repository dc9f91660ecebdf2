import { attributesFromProto, decodeLogBatch, decodeMetricBatch, decodeSpanBatch, LogLevel, SpanKind, SpanStatusCode, TraceKeepReason, TraceStatus } from '@architech/contracts';
import { decodeOrSkip, type MetricPoint, type MetricStore, type StoredLog, type StoredTrace, type TraceStore } from '@architech/service-kit';

const LEVELS: Record<number, StoredLog['level']> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };
const KINDS: Record<number, string> = { [SpanKind.CLIENT]: 'CLIENT', [SpanKind.SERVER]: 'SERVER', [SpanKind.CONSUMER]: 'CONSUMER' };
const SPAN_STATUS: Record<number, 'OK' | 'ERROR' | 'UNSET'> = { [SpanStatusCode.OK]: 'OK', [SpanStatusCode.ERROR]: 'ERROR', [SpanStatusCode.UNSET]: 'UNSET' };
const REASONS: Record<number, string> = { [TraceKeepReason.SAMPLED]: 'sampled', [TraceKeepReason.ERROR]: 'error', [TraceKeepReason.SLOW]: 'slow' };

/** The kinds of telemetry batch on the bus. */
export type BatchKind = 'metrics' | 'spans' | 'logs';

/** Decodes a bus batch and writes it to the stores; resolves once stored. */
export interface TelemetryWriter {
  write(kind: BatchKind, bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * Decodes metric, span and log batches (protobuf) into store rows and writes them, on the thread it
 * is called on. An undecodable batch throws UndecodableMessageError (the bus skips it).
 */
export class StoreWriter implements TelemetryWriter {
  constructor(
    private readonly metrics: MetricStore,
    private readonly traces: TraceStore,
  ) {}

  write(kind: BatchKind, bytes: Uint8Array): Promise<void> {
    return kind === 'metrics' ? this.ingestMetrics(bytes) : kind === 'spans' ? this.ingestSpans(bytes) : this.ingestLogs(bytes);
  }

  async close(): Promise<void> {
    // The stores belong to whoever made them.
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
  }
}
