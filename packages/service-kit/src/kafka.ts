/**
 * `@architech/service-kit/kafka`: the Kafka (kafkajs) event bus adapter and `createEventBus`, which
 * picks it or the embedded bus. Kept out of the main entry so a service that never talks to
 * Kafka never loads kafkajs (docs/architecture.md, "Ports and adapters").
 */
export { KafkaEventBus, type KafkaEventBusOptions } from './adapters/bus/kafka-event-bus';
export { createEventBus, type EventBusConfig } from './adapters/bus/create-event-bus';
