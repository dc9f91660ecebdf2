import { KafkaEventBus } from '../src/adapters/bus/kafka-event-bus';
import { describeEventBusContract } from './contracts/event-bus.contract';

const brokers = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);

// Needs a reachable Kafka (KAFKA_BROKERS=host:port[,…]); without one the suite is reported as
// skipped, never as passed, so a green run without Kafka does not claim the adapter works.
const describeWithKafka: typeof describe = brokers?.length ? describe : describe.skip;

describeWithKafka('with KAFKA_BROKERS', () => {
  describeEventBusContract(
    'the Kafka event bus',
    async ({ onHandlerError }) =>
      new KafkaEventBus({
        brokers: brokers ?? [],
        clientId: 'service-kit-contract',
        onHandlerError,
        // Short heartbeats and fetch waits so that group rebalances in the specs take seconds, not tens of them.
        consumer: { heartbeatInterval: 500, sessionTimeout: 10_000, maxWaitTimeInMs: 500 },
      }),
    { deliveryTimeoutMs: 30_000, quietPeriodMs: 1500 },
  );
});
