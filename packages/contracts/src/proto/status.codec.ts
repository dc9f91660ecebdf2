import type { JsonObject } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { FINAL_SIMULATION_STATES, type SimulationState, type SimulationStatusUpdate, type SimulationSummaryDto } from '../api/simulation.schema';
import { SimulationStatus, SimulationStatusEventSchema } from './architech/v1/simulation_status_pb';
import { decodeWire, encodeWire, enumMapping, InvalidField, within } from './wire';

/** A status event (`BUS_TOPICS.simulationStatus`): the API's status update plus what only the bus carries. */
export interface SimulationStatusMessage extends SimulationStatusUpdate {
  /** The instance running the simulation. */
  workerId?: string;
  /** The result summary, on COMPLETED. */
  summary?: SimulationSummaryDto;
}

/** The lifecycle states on the wire. */
const STATUS = enumMapping<SimulationState>('status', {
  PENDING: SimulationStatus.PENDING,
  RUNNING: SimulationStatus.RUNNING,
  COMPLETED: SimulationStatus.COMPLETED,
  FAILED: SimulationStatus.FAILED,
  CANCELLED: SimulationStatus.CANCELLED,
});

/** Sequence of a RUNNING event at progress 0; progress adds up to {@link PROGRESS_SPAN}. */
const RUNNING_BASE = 1e7;
const PROGRESS_SPAN = 1e6;
/** Every final state (COMPLETED, FAILED, CANCELLED): above any RUNNING event. */
const FINAL = 3e7;

/**
 * The sequence number of a simulation's status event. Delivery is at least once and only ordered
 * per key, so a listener drops any event whose sequence is not above the last one it applied; the
 * numbers rank the lifecycle: PENDING (0) < RUNNING (1e7 + progress × 1e6, growing with progress)
 * < any final state (3e7).
 *
 * @example statusSequence('RUNNING', 0.5) // 10_500_000
 */
export function statusSequence(status: SimulationState, progress = 0): number {
  if (FINAL_SIMULATION_STATES.has(status)) return FINAL;
  return status === 'RUNNING' ? RUNNING_BASE + Math.round(progress * PROGRESS_SPAN) : 0;
}

/**
 * Encodes a status event for the bus (protobuf binary, the summary as a Struct).
 *
 * @throws BusMessageError when `id` is empty.
 */
export function encodeSimulationStatusEvent(event: SimulationStatusMessage): Uint8Array {
  return encodeWire(SimulationStatusEventSchema, {
    simulationId: event.id,
    status: STATUS.code(event.status),
    progress: event.progress,
    replication: event.replication ?? 0,
    replications: event.replications ?? 0,
    simTimeMs: event.simTimeMs ?? 0,
    events: BigInt(Math.round(event.events ?? 0)),
    errorMessage: event.error ?? '',
    ...(event.summary ? { summary: JSON.parse(JSON.stringify(event.summary)) as JsonObject } : {}),
    occurredAt: timestampNow(),
    workerId: event.workerId ?? '',
    sequence: BigInt(event.sequence),
  });
}

/**
 * Decodes a status event and checks it: a named lifecycle state, progress in [0, 1], a summary
 * with an end-to-end part and components when present.
 *
 * @throws BusMessageError naming the field otherwise.
 */
export function decodeSimulationStatusEvent(bytes: Uint8Array): SimulationStatusMessage {
  return decodeWire(SimulationStatusEventSchema, bytes, (e) => {
    const event: SimulationStatusMessage = {
      id: e.simulationId,
      status: STATUS.name(e.status),
      progress: within('progress', e.progress, 0, 1),
      replication: e.replication,
      replications: e.replications,
      simTimeMs: e.simTimeMs,
      events: Number(e.events),
      error: e.errorMessage || undefined,
      sequence: Number(e.sequence),
    };
    if (e.workerId) event.workerId = e.workerId;
    if (e.summary) {
      if (typeof e.summary.endToEnd !== 'object' || typeof e.summary.components !== 'object') throw new InvalidField('summary', 'needs endToEnd and components');
      event.summary = e.summary as unknown as SimulationSummaryDto;
    }
    return event;
  });
}
