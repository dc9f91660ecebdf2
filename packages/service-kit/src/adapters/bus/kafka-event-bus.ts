import { Kafka, logLevel, Partitioners, type Admin, type ConsumerConfig, type KafkaConfig, type Producer } from 'kafkajs';
import type { BusMessage, EventBus, OutgoingMessage, Subscription } from '../../ports/event-bus.port';
import { EventBusError } from './event-bus-error';
import { DEFAULT_RETRY_BACKOFF, reportHandlerFailureToStderr, type HandlerFailureReporter, type RetryBackoff } from './handler-retry';
import { toKafkaMessage } from './kafka-message';
import { KafkaSubscription } from './kafka-subscription';

/** Where the Kafka cluster is and how topics and consumers are set up; only `brokers` and `clientId` are required. */
export interface KafkaEventBusOptions {
  /** `host:port` of one or more brokers, e.g. `['localhost:9092']`. */
  brokers: string[];
  clientId: string;
  /** Partitions of a topic this bus creates (default 8). Existing topics are left as they are. */
  numPartitions?: number;
  /** Replication of a topic this bus creates (default: the broker's `default.replication.factor`). */
  replicationFactor?: number;
  /** Partitions one subscriber handles in parallel, each still in order (default `numPartitions`). */
  partitionsConsumedConcurrently?: number;
  /** Redelivery delay after a handler throws (default 10 ms doubling to 1 s). */
  retryBackoff?: RetryBackoff;
  /** Told of each handler failure (default: a line on stderr). */
  onHandlerError?: HandlerFailureReporter;
  /** How long `subscribe` waits for the consumer to join its group (default 60 s, kafkajs' rebalance timeout). */
  joinTimeoutMs?: number;
  /** Further kafkajs client settings: TLS, SASL, timeouts, log level (default `WARN`). */
  client?: Omit<KafkaConfig, 'brokers' | 'clientId'>;
  /** Further kafkajs consumer settings: session timeout, heartbeat interval, fetch wait, … */
  consumer?: Omit<ConsumerConfig, 'groupId'>;
}

/**
 * The distributed event bus (docs/architecture.md §3) on Kafka via kafkajs.
 *
 * Publishing goes through one idempotent producer (acks from all in-sync replicas, so a retried
 * send is not written twice) with the port's key as the Kafka key, so one key stays in one
 * partition and in order. A missing topic is created with `numPartitions` partitions before its
 * first use. Each subscription is a consumer of its own in consumer group `group`; see
 * {@link KafkaSubscription} for redelivery. A group with no committed offset starts at the oldest
 * message the topic still keeps.
 *
 * @example
 * const bus = new KafkaEventBus({ brokers: ['localhost:9092'], clientId: 'metrics-service' });
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly options: KafkaEventBusOptions & { numPartitions: number };
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly topicsReady = new Map<string, Promise<void>>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  private closed = false;

  constructor(options: KafkaEventBusOptions) {
    if (options.brokers.length === 0) throw new RangeError(`KafkaEventBus "${options.clientId}": brokers must name at least one broker`);
    this.options = { ...options, numPartitions: options.numPartitions ?? 8 };
    this.kafka = new Kafka({ logLevel: logLevel.WARN, ...options.client, brokers: options.brokers, clientId: options.clientId });
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen(`publish to topic "${topic}"`);
    if (messages.length === 0) return;
    await this.ensureTopic(topic);
    try {
      const producer = await this.connectedProducer();
      // One send per slice of at most SEND_BYTES: a broker takes a partition's messages of one
      // send as one record batch, which must fit its message.max.bytes (1 MB by default).
      for (const slice of bySize(messages, SEND_BYTES)) await producer.send({ topic, acks: -1, messages: slice.map(toKafkaMessage) });
    } catch (error) {
      throw new EventBusError('publish_failed', `could not publish ${messages.length} message(s) to Kafka topic "${topic}": ${describe(error)}`, { cause: error });
    }
  }

  async subscribe(options: { topic: string; group: string }, handler: (message: BusMessage) => Promise<void>): Promise<Subscription> {
    this.assertOpen(`subscribe to topic "${options.topic}" in group "${options.group}"`);
    await this.ensureTopic(options.topic);
    const subscription = await KafkaSubscription.start(
      this.kafka,
      {
        ...options,
        handler,
        retryBackoff: this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF,
        reportFailure: this.options.onHandlerError ?? reportHandlerFailureToStderr,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? this.options.numPartitions,
        joinTimeoutMs: this.options.joinTimeoutMs ?? 60_000,
        consumerConfig: this.options.consumer ?? {},
      },
      (s) => this.subscriptions.delete(s),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops every subscription (waiting for running handlers), then disconnects the producer and admin client. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    const clients = await Promise.allSettled([this.producer, this.admin]);
    await Promise.all(clients.map((c) => (c.status === 'fulfilled' ? c.value?.disconnect() : undefined)));
  }

  private ensureTopic(topic: string): Promise<void> {
    let ready = this.topicsReady.get(topic);
    if (!ready) {
      ready = this.createTopicIfMissing(topic);
      this.topicsReady.set(topic, ready);
      // Forget a failure so that the next call tries again, e.g. once the broker is back.
      ready.catch(() => this.topicsReady.delete(topic));
    }
    return ready;
  }

  private async createTopicIfMissing(topic: string): Promise<void> {
    const { numPartitions, replicationFactor } = this.options;
    try {
      const admin = await this.connectedAdmin();
      // Resolves to false, not an error, when the topic already exists (possibly created concurrently elsewhere).
      await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor }], waitForLeaders: true });
    } catch (error) {
      throw new EventBusError(
        'topic_creation_failed',
        `could not create Kafka topic "${topic}" with ${numPartitions} partitions on ${this.options.brokers.join(', ')}: ${describe(error)}`,
        { cause: error },
      );
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= connectOnce(
      this.kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner }),
      () => (this.producer = undefined),
    );
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= connectOnce(this.kafka.admin(), () => (this.admin = undefined));
    return this.admin;
  }

  private assertOpen(what: string): void {
    if (this.closed) throw new EventBusError('bus_closed', `cannot ${what}: the Kafka event bus "${this.options.clientId}" is closed`);
  }
}

/** Bytes of message values and keys per producer send (see `publish`): half the broker's default 1 MB limit. */
const SEND_BYTES = 512 * 1024;

/** Consecutive slices of `messages` whose keys and values add up to at most `limit` bytes (a bigger message alone). */
function bySize(messages: OutgoingMessage[], limit: number): OutgoingMessage[][] {
  const slices: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = message.value.byteLength + message.key.length + 64;
    if (current.length > 0 && bytes + size > limit) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

/** Connects a client; on failure calls `forget` so the next use connects afresh. */
async function connectOnce<C extends { connect(): Promise<void> }>(client: C, forget: () => void): Promise<C> {
  try {
    await client.connect();
    return client;
  } catch (error) {
    forget();
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
