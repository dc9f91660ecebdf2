import { getTextEncoding } from '@bufbuild/protobuf/wire';

/** Runs one {@link SimulationsPurgedEvent} names at most: a bounded message however large the project. */
export const PURGED_SIMULATIONS_PER_EVENT = 500;

/**
 * Published by simulations on `BUS_TOPICS.simulationsPurged` (JSON) before it deletes the runs of a
 * purged project (docs/data-lifecycle.md); telemetry deletes their series, traces and logs. Sent
 * again when a purge is retried: deleting twice is harmless.
 */
export interface SimulationsPurgedEvent {
  projectId: string;
  simulationIds: string[];
  /** ISO 8601. */
  purgedAt: string;
}

export function encodeSimulationsPurged(event: SimulationsPurgedEvent): Uint8Array {
  return getTextEncoding().encodeUtf8(JSON.stringify(event));
}

/** @throws SyntaxError when the bytes are not a SimulationsPurgedEvent */
export function decodeSimulationsPurged(bytes: Uint8Array): SimulationsPurgedEvent {
  const event = JSON.parse(getTextEncoding().decodeUtf8(bytes)) as Partial<SimulationsPurgedEvent>;
  if (typeof event.projectId !== 'string' || typeof event.purgedAt !== 'string' || !Array.isArray(event.simulationIds) || !event.simulationIds.every((id) => typeof id === 'string')) {
    throw new SyntaxError('not a SimulationsPurgedEvent: projectId and purgedAt must be strings, simulationIds an array of strings');
  }
  return { projectId: event.projectId, simulationIds: event.simulationIds, purgedAt: event.purgedAt };
}
