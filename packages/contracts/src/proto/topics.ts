import { getTextEncoding } from '@bufbuild/protobuf/wire';

/**
 * Bus topic of each message kind (docs/architecture.md §3): one topic per kind, every message keyed by
 * its simulation id so that a simulation's messages keep their order.
 *
 * @example
 * await bus.publish(BUS_TOPICS.simulationStatus, event.simulationId, encodeSimulationStatusEvent(event));
 */
export const BUS_TOPICS = {
  /** `SimulationJob`s for the engine workers. */
  simulationJobs: 'architech.simulation.jobs',
  /** `SimulationStatusEvent`s from the engine workers. */
  simulationStatus: 'architech.simulation.status',
  /** `MetricBatch`es for the metric store. */
  metrics: 'architech.telemetry.metrics',
  /** `SpanBatch`es for the trace store. */
  spans: 'architech.telemetry.spans',
  /** `LogBatch`es for the log store. */
  logs: 'architech.telemetry.logs',
  /** `TelemetryLandedEvent`s (JSON) from telemetry: a simulation's final telemetry is all stored. */
  telemetryStatus: 'architech.telemetry.status',
  /** `TelemetryExpiredEvent`s (JSON) from telemetry: retention deleted a run's telemetry. */
  telemetryExpiry: 'architech.telemetry.expiry',
  /** `SimulationsPurgedEvent`s (JSON) from simulations: a purged project's runs, whose telemetry must go too. */
  simulationsPurged: 'architech.simulation.purged',
} as const;

/** A bus topic name. */
export type BusTopic = (typeof BUS_TOPICS)[keyof typeof BUS_TOPICS];

/**
 * Telemetry completeness (docs/architecture.md §3). The final publication of a simulation's telemetry
 * marks each of its batches with two headers: which batch it is (`metrics:2`) and how many batches
 * of each kind the publication has (`metrics=5,spans=3,logs=1`). Telemetry records every marked
 * batch it has stored; once all have landed it publishes a {@link TelemetryLandedEvent} on
 * `BUS_TOPICS.telemetryStatus`, and the simulations service sets the run's `telemetryComplete`.
 */
export const TELEMETRY_HEADERS = {
  batch: 'x-architech-telemetry-batch',
  manifest: 'x-architech-telemetry-manifest',
} as const;

/** The kinds of telemetry batch a final publication counts. */
export const TELEMETRY_KINDS = ['metrics', 'spans', 'logs'] as const;
export type TelemetryKind = (typeof TELEMETRY_KINDS)[number];

/** Batches of each kind in one final publication. */
export type TelemetryManifest = Record<TelemetryKind, number>;

/** `metrics=5,spans=3,logs=1`. */
export function formatTelemetryManifest(manifest: TelemetryManifest): string {
  return TELEMETRY_KINDS.map((kind) => `${kind}=${manifest[kind]}`).join(',');
}

/** A marked batch's place in its publication, or undefined when the headers do not mark one (live batches). */
export function parseTelemetryMark(headers: Readonly<Record<string, string>>): { kind: TelemetryKind; index: number; manifest: TelemetryManifest } | undefined {
  const batch = /^(metrics|spans|logs):(\d+)$/.exec(headers[TELEMETRY_HEADERS.batch] ?? '');
  const manifestText = headers[TELEMETRY_HEADERS.manifest];
  if (!batch || !manifestText) return undefined;
  const manifest: Partial<TelemetryManifest> = {};
  for (const part of manifestText.split(',')) {
    const match = /^(metrics|spans|logs)=(\d+)$/.exec(part);
    if (!match) return undefined;
    manifest[match[1] as TelemetryKind] = Number(match[2]);
  }
  if (TELEMETRY_KINDS.some((kind) => manifest[kind] === undefined)) return undefined;
  return { kind: batch[1] as TelemetryKind, index: Number(batch[2]), manifest: manifest as TelemetryManifest };
}

/** Published by telemetry on `BUS_TOPICS.telemetryStatus` (JSON) once a simulation's final telemetry has all been stored. */
export interface TelemetryLandedEvent {
  simulationId: string;
  /** When the last batch was stored (ISO 8601). */
  landedAt: string;
}

export function encodeTelemetryLanded(event: TelemetryLandedEvent): Uint8Array {
  return getTextEncoding().encodeUtf8(JSON.stringify(event));
}

/** @throws SyntaxError when the bytes are not a TelemetryLandedEvent */
export function decodeTelemetryLanded(bytes: Uint8Array): TelemetryLandedEvent {
  const event = JSON.parse(getTextEncoding().decodeUtf8(bytes)) as Partial<TelemetryLandedEvent>;
  if (typeof event.simulationId !== 'string' || typeof event.landedAt !== 'string') throw new SyntaxError('not a TelemetryLandedEvent: simulationId and landedAt must be strings');
  return { simulationId: event.simulationId, landedAt: event.landedAt };
}

/**
 * Published by telemetry on `BUS_TOPICS.telemetryExpiry` (JSON) once retention has deleted a
 * finished run's series, traces and logs; the simulations service records it on the run
 * (`telemetryExpiredAt`). Telemetry publishes it again if it finds the run still unmarked.
 */
export interface TelemetryExpiredEvent {
  simulationId: string;
  /** When the telemetry was deleted (ISO 8601). */
  expiredAt: string;
  /** The retention that expired it: days after the run finished. */
  retentionDays: number;
}

export function encodeTelemetryExpired(event: TelemetryExpiredEvent): Uint8Array {
  return getTextEncoding().encodeUtf8(JSON.stringify(event));
}

/** @throws SyntaxError when the bytes are not a TelemetryExpiredEvent */
export function decodeTelemetryExpired(bytes: Uint8Array): TelemetryExpiredEvent {
  const event = JSON.parse(getTextEncoding().decodeUtf8(bytes)) as Partial<TelemetryExpiredEvent>;
  if (typeof event.simulationId !== 'string' || typeof event.expiredAt !== 'string' || !Number.isInteger(event.retentionDays) || (event.retentionDays as number) < 1) {
    throw new SyntaxError('not a TelemetryExpiredEvent: simulationId and expiredAt must be strings, retentionDays a positive integer');
  }
  return { simulationId: event.simulationId, expiredAt: event.expiredAt, retentionDays: event.retentionDays as number };
}
