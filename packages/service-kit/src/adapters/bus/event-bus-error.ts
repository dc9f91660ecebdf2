/**
 * Stable reasons an event bus adapter fails, for callers that branch on them:
 * - `bus_closed`: `publish` or `subscribe` after `close()`;
 * - `topic_creation_failed`: the Kafka admin could not create a missing topic;
 * - `group_join_timeout`: a Kafka consumer did not join its group in time;
 * - `publish_failed`: the Kafka producer did not get the messages acknowledged;
 * - `subscription_stopped`: a delivery was abandoned because its subscriber is stopping.
 */
export type EventBusErrorCode = 'bus_closed' | 'topic_creation_failed' | 'group_join_timeout' | 'publish_failed' | 'subscription_stopped';

/** An event bus operation failed; `message` names the topic, group or limit involved. */
export class EventBusError extends Error {
  override readonly name = 'EventBusError';

  constructor(
    readonly code: EventBusErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
