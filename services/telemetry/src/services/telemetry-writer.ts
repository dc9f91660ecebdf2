import { decodeLogBatch, decodeMetricBatch, decodeSpanBatch } from '@architech/contracts';
import { decodeOrSkip, type MetricPoint, type MetricStore, type TraceStore } from '@architech/service-kit';

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
    await this.traces.writeTraces(batch.simulationId, batch.traces);
  }

  async ingestLogs(bytes: Uint8Array): Promise<void> {
    const batch = decodeOrSkip('log batch', bytes, decodeLogBatch);
    await this.traces.writeLogs(batch.simulationId, batch.records);
  }
}
