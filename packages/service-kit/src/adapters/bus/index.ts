import type { EventBus } from '../../ports/event-bus.port';
import { InProcessEventBus } from './in-process-event-bus';
import { TracedEventBus } from './traced-event-bus';

export { EventBusError, type EventBusErrorCode } from './event-bus-error';
export { decodeOrSkip, DEFAULT_RETRY_BACKOFF, isUndecodable, UndecodableMessageError, type HandlerFailure, type HandlerFailureReporter, type RetryBackoff } from './handler-retry';
export { InProcessEventBus, type InProcessEventBusOptions } from './in-process-event-bus';
export { TracedEventBus } from './traced-event-bus';

/**
 * The embedded event bus, with OpenTelemetry producer/consumer spans. Kafka lives behind
 * `@architech/service-kit/kafka` (its `createEventBus` picks either), so a service that never
 * talks to Kafka never loads kafkajs.
 *
 * @example const bus = createInProcessEventBus();
 */
export function createInProcessEventBus(): EventBus {
  return new TracedEventBus(new InProcessEventBus());
}
