import type { BusMessage, EventBus, OutgoingMessage, Subscription } from '../../ports/event-bus.port';
import { EventBusError } from './event-bus-error';
import { DEFAULT_RETRY_BACKOFF, reportHandlerFailureToStderr, type HandlerFailureReporter, type RetryBackoff } from './handler-retry';
import { InProcessConsumerGroup } from './in-process-consumer-group';
import { partitionForKey } from './partition-for-key';
import { PartitionLog } from './partition-log';

/** Options of the embedded bus; every field has a default. */
export interface InProcessEventBusOptions {
  /** Partitions per topic (default 8): the most subscribers of one group that can be busy at once. */
  partitions?: number;
  /** Redelivery delay after a handler throws (default 10 ms doubling to 1 s). */
  retryBackoff?: RetryBackoff;
  /** Told of each handler failure (default: a line on stderr). */
  onHandlerError?: HandlerFailureReporter;
}

interface Topic {
  readonly partitions: PartitionLog[];
  readonly groups: Map<string, InProcessConsumerGroup>;
}

/**
 * The embedded event bus (docs/architecture.md §3): the {@link EventBus} semantics inside one process,
 * with nothing persisted.
 *
 * Each topic is a set of partition logs; a message goes to partition `hash(key) % partitions`, and
 * each consumer group keeps its own committed offset per partition (see
 * {@link InProcessConsumerGroup} for assignment, ordering and redelivery).
 *
 * Retention, made explicit because it differs from Kafka's time-based one: a partition keeps a
 * message until every group that has ever subscribed to the topic has consumed it; groups are
 * never forgotten, even with no subscriber left, so a group that comes back resumes where it
 * stopped. Messages published before any group subscribed are kept until groups consume them. A
 * group subscribing for the first time starts at the oldest message still kept — everything, if
 * no group has consumed yet; only what some existing group has not yet consumed, otherwise (the
 * same as Kafka's `fromBeginning` over a log that has been truncated).
 *
 * @example
 * const bus = new InProcessEventBus();
 * await bus.subscribe({ topic: 'runs', group: 'metrics' }, async (m) => store(m.value));
 * await bus.publish('runs', [{ key: simulationId, value: bytes }]);
 */
export class InProcessEventBus implements EventBus {
  private readonly topics = new Map<string, Topic>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly partitionCount: number;
  private readonly retryBackoff: RetryBackoff;
  private readonly reportFailure: HandlerFailureReporter;
  private closed = false;

  constructor(options: InProcessEventBusOptions = {}) {
    this.partitionCount = options.partitions ?? 8;
    if (!Number.isInteger(this.partitionCount) || this.partitionCount < 1) {
      throw new RangeError(`InProcessEventBus: partitions must be a positive integer, got ${options.partitions}`);
    }
    this.retryBackoff = options.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
    this.reportFailure = options.onHandlerError ?? reportHandlerFailureToStderr;
  }

  /** Appends every message before it resolves; they are delivered asynchronously afterwards. */
  async publish(topicName: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen(`publish to topic "${topicName}"`);
    if (messages.length === 0) return;
    const topic = this.topic(topicName);
    const touched = new Set<number>();
    for (const { key, value, headers } of messages) {
      const partition = partitionForKey(key, this.partitionCount);
      // Copied so that a caller reusing its buffer cannot change what was published, as with Kafka.
      topic.partitions[partition].append({ topic: topicName, key, value: new Uint8Array(value), headers: { ...headers } });
      touched.add(partition);
    }
    for (const group of topic.groups.values()) for (const partition of touched) group.kick(partition);
  }

  async subscribe(options: { topic: string; group: string }, handler: (message: BusMessage) => Promise<void>): Promise<Subscription> {
    this.assertOpen(`subscribe to topic "${options.topic}" in group "${options.group}"`);
    const topic = this.topic(options.topic);
    let group = topic.groups.get(options.group);
    if (!group) {
      group = new InProcessConsumerGroup(options.topic, options.group, topic.partitions, this.retryBackoff, this.reportFailure, (p) =>
        this.truncate(topic, p),
      );
      topic.groups.set(options.group, group);
    }
    const joined = group;
    const member = joined.join(handler);
    let stopped: Promise<void> | undefined;
    const subscription: Subscription = {
      stop: () => {
        stopped ??= joined.leave(member).finally(() => this.subscriptions.delete(subscription));
        return stopped;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops every subscription (waiting for running handlers); the bus cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private topic(name: string): Topic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = { partitions: Array.from({ length: this.partitionCount }, () => new PartitionLog()), groups: new Map() };
      this.topics.set(name, topic);
    }
    return topic;
  }

  private truncate(topic: Topic, partition: number): void {
    let lowest = Infinity;
    for (const group of topic.groups.values()) lowest = Math.min(lowest, group.committedOffset(partition));
    topic.partitions[partition].truncateBelow(lowest);
  }

  private assertOpen(what: string): void {
    if (this.closed) throw new EventBusError('bus_closed', `cannot ${what}: the in-process event bus is closed`);
  }
}
