import type { EventBus } from '../../ports/event-bus.port';
import { createInProcessEventBus } from './index';
import { KafkaEventBus } from './kafka-event-bus';
import { TracedEventBus } from './traced-event-bus';

/** Which event bus adapter to use: the embedded one, or Kafka. */
export type EventBusConfig = { kind: 'in-process' } | { kind: 'kafka'; brokers: string[]; clientId: string };

/**
 * The event bus for a configuration: the embedded in-process bus, or Kafka, with OpenTelemetry
 * producer/consumer spans and trace context in the message headers.
 *
 * @example const bus = createEventBus(process.env.KAFKA_BROKERS ? { kind: 'kafka', brokers: process.env.KAFKA_BROKERS.split(','), clientId: 'designs' } : { kind: 'in-process' });
 */
export function createEventBus(config: EventBusConfig): EventBus {
  switch (config.kind) {
    case 'in-process':
      return createInProcessEventBus();
    case 'kafka':
      return new TracedEventBus(new KafkaEventBus({ brokers: config.brokers, clientId: config.clientId }));
  }
}
