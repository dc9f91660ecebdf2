import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Names this instance of the service: the worker id recorded on the runs it executes, and its own
 * consumer group for live status events. Injected, so specs name their instance.
 */
export const INSTANCE_ID = Symbol('INSTANCE_ID');

/** `host:pid:random` — unique per process, and readable in the database and the logs. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
