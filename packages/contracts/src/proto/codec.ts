import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampNow, type Timestamp } from '@bufbuild/protobuf/wkt';
import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { BusMessageError } from './bus-message-error';
import { LogBatchSchema } from './architech/v1/log_batch_pb';
import type { LogBatch } from './architech/v1/log_batch_pb';
import { MetricBatchSchema } from './architech/v1/metric_batch_pb';
import type { MetricBatch } from './architech/v1/metric_batch_pb';
import { SimulationJobSchema } from './architech/v1/simulation_job_pb';
import type { SimulationJob } from './architech/v1/simulation_job_pb';
import { SimulationStatusEventSchema } from './architech/v1/simulation_status_pb';
import type { SimulationStatusEvent } from './architech/v1/simulation_status_pb';
import { SpanBatchSchema } from './architech/v1/span_batch_pb';
import type { SpanBatch } from './architech/v1/span_batch_pb';

/** Every bus message is keyed by its simulation id (docs/architecture.md §3), so it must carry one. */
type KeyedSchema = DescMessage & { field: { simulationId: unknown } };

function requireSimulationId(schema: DescMessage, message: { simulationId: string }, byteLength: number): void {
  if (message.simulationId === '') throw new BusMessageError(schema.typeName, byteLength, 'simulation_id is empty');
}

/**
 * Encodes a bus message as protobuf binary. Accepts a message or a plain init object (missing
 * fields take their protobuf defaults).
 *
 * @throws BusMessageError when `simulationId` is empty, since the bus could not key the message.
 */
export function encodeBusMessage<S extends KeyedSchema>(schema: S, message: MessageInitShape<S>): Uint8Array {
  const full = create(schema, message);
  requireSimulationId(schema, full as unknown as { simulationId: string }, 0);
  return toBinary(schema, full);
}

/**
 * Decodes protobuf binary taken off the bus. Fields this version does not know are kept (and
 * re-encoded), so older consumers pass newer messages through unharmed.
 *
 * @throws BusMessageError when the bytes are not valid protobuf for `schema` or carry no
 *   simulation id.
 */
export function decodeBusMessage<S extends KeyedSchema>(schema: S, bytes: Uint8Array): MessageShape<S> {
  let message: MessageShape<S>;
  try {
    message = fromBinary(schema, bytes);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new BusMessageError(schema.typeName, bytes.byteLength, `not a valid message (${bytes.byteLength} bytes): ${reason}`, { cause });
  }
  requireSimulationId(schema, message as unknown as { simulationId: string }, bytes.byteLength);
  return message;
}

/** Encodes a {@link SimulationJob} for `BUS_TOPICS.simulationJobs`. */
export function encodeSimulationJob(job: MessageInitShape<typeof SimulationJobSchema>): Uint8Array {
  return encodeBusMessage(SimulationJobSchema, job);
}

/** Decodes a {@link SimulationJob}; throws {@link BusMessageError} on invalid bytes. */
export function decodeSimulationJob(bytes: Uint8Array): SimulationJob {
  return decodeBusMessage(SimulationJobSchema, bytes);
}

/** Encodes a {@link SimulationStatusEvent} for `BUS_TOPICS.simulationStatus`. */
export function encodeSimulationStatusEvent(event: MessageInitShape<typeof SimulationStatusEventSchema>): Uint8Array {
  return encodeBusMessage(SimulationStatusEventSchema, event);
}

/** Decodes a {@link SimulationStatusEvent}; throws {@link BusMessageError} on invalid bytes. */
export function decodeSimulationStatusEvent(bytes: Uint8Array): SimulationStatusEvent {
  return decodeBusMessage(SimulationStatusEventSchema, bytes);
}

/** Encodes a {@link MetricBatch} for `BUS_TOPICS.metrics`. */
export function encodeMetricBatch(batch: MessageInitShape<typeof MetricBatchSchema>): Uint8Array {
  return encodeBusMessage(MetricBatchSchema, batch);
}

/** Decodes a {@link MetricBatch}; throws {@link BusMessageError} on invalid bytes. */
export function decodeMetricBatch(bytes: Uint8Array): MetricBatch {
  return decodeBusMessage(MetricBatchSchema, bytes);
}

/** Encodes a {@link SpanBatch} for `BUS_TOPICS.spans`. */
export function encodeSpanBatch(batch: MessageInitShape<typeof SpanBatchSchema>): Uint8Array {
  return encodeBusMessage(SpanBatchSchema, batch);
}

/** Decodes a {@link SpanBatch}; throws {@link BusMessageError} on invalid bytes. */
export function decodeSpanBatch(bytes: Uint8Array): SpanBatch {
  return decodeBusMessage(SpanBatchSchema, bytes);
}

/** Encodes a {@link LogBatch} for `BUS_TOPICS.logs`. */
export function encodeLogBatch(batch: MessageInitShape<typeof LogBatchSchema>): Uint8Array {
  return encodeBusMessage(LogBatchSchema, batch);
}

/** Decodes a {@link LogBatch}; throws {@link BusMessageError} on invalid bytes. */
export function decodeLogBatch(bytes: Uint8Array): LogBatch {
  return decodeBusMessage(LogBatchSchema, bytes);
}

/** The current time as a protobuf `Timestamp` (a message's `requestedAt`, `occurredAt`). */
export function busTimestamp(): Timestamp {
  return timestampNow();
}
