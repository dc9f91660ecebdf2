import { KafkaJSError, type Consumer, type ConsumerConfig, type EachMessagePayload, type Kafka } from 'kafkajs';
import type { BusMessage, Subscription } from '../../ports/event-bus.port';
import { EventBusError } from './event-bus-error';
import { backoffDelayMs, isUndecodable, reportSafely, sleepUnlessAborted, type HandlerFailureReporter, type RetryBackoff } from './handler-retry';
import { fromKafkaMessage } from './kafka-message';

/** Everything one Kafka subscriber needs; the bus fills in its defaults. */
export interface KafkaSubscriptionSettings {
  topic: string;
  group: string;
  handler: (message: BusMessage) => Promise<void>;
  retryBackoff: RetryBackoff;
  reportFailure: HandlerFailureReporter;
  /** Partitions of this subscriber handled in parallel (each one still strictly in order). */
  partitionsConsumedConcurrently: number;
  /** How long `start` waits for the consumer to join its group. */
  joinTimeoutMs: number;
  /** Extra kafkajs consumer settings (heartbeat, session timeout, …). */
  consumerConfig: Omit<ConsumerConfig, 'groupId'>;
}

/**
 * The Kafka consumer group of the port's group `group` on `topic`: `<group>.<topic>`. The port's
 * groups are per topic (as the in-process bus has them); one Kafka group whose members subscribe
 * to different topics would be handed partitions of topics they never subscribed to, which
 * kafkajs then ignores, so those messages would never be consumed.
 */
export function kafkaGroupId(group: string, topic: string): string {
  return `${group}.${topic}`;
}

/**
 * One subscriber: a kafkajs consumer in consumer group `<group>.<topic>` (see {@link kafkaGroupId}).
 *
 * A handler that throws is retried in place with a backoff, the partition waiting meanwhile, and
 * its offset is not resolved, so it is never committed: if this consumer dies or loses the
 * partition before the handler succeeds, the group's next owner of the partition gets the message
 * again (at-least-once). A handler throwing `UndecodableMessageError` is reported and its message
 * skipped (committed) instead. Retrying in place rather than rethrowing to kafkajs keeps a failing
 * message from crashing and restarting the whole consumer, which would rebalance the group.
 */
export class KafkaSubscription implements Subscription {
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped: Promise<void> | undefined;

  private constructor(
    private readonly consumer: Consumer,
    private readonly settings: KafkaSubscriptionSettings,
    private readonly onStopped: (subscription: KafkaSubscription) => void,
  ) {}

  /**
   * Connects, subscribes from the earliest kept offset (for a group with nothing committed) and
   * resolves once the consumer has joined its group, so messages published afterwards are not
   * raced by the group's first rebalance.
   * @throws EventBusError `group_join_timeout` if the group is not joined within `joinTimeoutMs`
   */
  static async start(kafka: Kafka, settings: KafkaSubscriptionSettings, onStopped: (s: KafkaSubscription) => void): Promise<KafkaSubscription> {
    const consumer = kafka.consumer({ ...settings.consumerConfig, groupId: kafkaGroupId(settings.group, settings.topic) });
    const subscription = new KafkaSubscription(consumer, settings, onStopped);
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [settings.topic], fromBeginning: true });
      const joined = subscription.joinedGroup();
      await consumer.run({
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        eachMessage: (payload) => subscription.handle(payload),
      });
      await joined;
      return subscription;
    } catch (error) {
      await subscription.stop().catch(() => undefined);
      throw error;
    }
  }

  /** Leaves the group (its partitions go to the other subscribers) once no handler is running. */
  stop(): Promise<void> {
    this.stopped ??= this.shutDown();
    return this.stopped;
  }

  private async shutDown(): Promise<void> {
    this.stopping.abort();
    try {
      await this.consumer.disconnect();
      // kafkajs waits for the batch in progress, but the port promises it: wait for handlers ourselves too.
      await Promise.allSettled([...this.inFlight]);
    } finally {
      this.onStopped(this);
    }
  }

  private joinedGroup(): Promise<void> {
    const { topic, group, joinTimeoutMs } = this.settings;
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        removeJoin();
        removeCrash();
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => settle(new EventBusError('group_join_timeout', `Kafka consumer of group "${group}" did not join the group for topic "${topic}" within ${joinTimeoutMs} ms`)),
        joinTimeoutMs,
      );
      const removeJoin = this.consumer.on(GROUP_JOIN, () => settle());
      // A crash kafkajs restarts from is part of joining; one it gives up on is final.
      const removeCrash = this.consumer.on(CRASH, (event) => {
        if (!event.payload.restart) settle(event.payload.error);
      });
    });
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const { group, handler, retryBackoff, reportFailure } = this.settings;
    for (let attempt = 1; ; attempt++) {
      if (this.stopping.signal.aborted) {
        // A KafkaJSError so that kafkajs treats this as the stop it is rather than logging a handler failure.
        throw new KafkaJSError(
          new EventBusError('subscription_stopped', `group "${group}" stopped before handling ${topic}[${partition}] offset ${message.offset}; it stays uncommitted and will be redelivered`),
        );
      }
      // A fresh copy per attempt, so a handler that mutated its message and threw does not see its own edits.
      const busMessage = fromKafkaMessage(topic, message);
      const call = Promise.resolve().then(() => handler(busMessage));
      this.inFlight.add(call);
      try {
        await call;
        return;
      } catch (error) {
        if (isUndecodable(error)) {
          // Resolving commits the offset: the group moves past a message no retry could handle.
          reportSafely(reportFailure, { error, message: busMessage, group, attempt, retryInMs: 0, skipped: true });
          return;
        }
        const retryInMs = backoffDelayMs(attempt, retryBackoff);
        reportSafely(reportFailure, { error, message: busMessage, group, attempt, retryInMs, skipped: false });
        await sleepUnlessAborted(retryInMs, this.stopping.signal);
      } finally {
        this.inFlight.delete(call);
      }
      // Keeps the group session alive while a message is retried for longer than the session timeout.
      await heartbeat();
    }
  }
}
