/** One message as a consumer receives it. */
export interface BusMessage {
  topic: string;
  /** Messages with the same key are delivered in the order they were published. */
  key: string;
  value: Uint8Array;
  headers: Record<string, string>;
}

/** A message to publish. */
export interface OutgoingMessage {
  key: string;
  value: Uint8Array;
  headers?: Record<string, string>;
}

export interface Subscription {
  /** Stops consuming; resolves once no handler is running. */
  stop(): Promise<void>;
}

/**
 * The event bus port (docs/architecture.md §3). Semantics every adapter guarantees:
 * - at-least-once: a message whose handler throws (or whose consumer dies before finishing) is
 *   delivered again, so handlers must be idempotent;
 * - order per key within a topic;
 * - consumer groups: each message goes to one subscriber of each group; subscribers of
 *   different groups each get every message.
 * Adapters: in-process (embedded) and Kafka via kafkajs (distributed).
 */
export interface EventBus {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: { topic: string; group: string }, handler: (message: BusMessage) => Promise<void>): Promise<Subscription>;
  close(): Promise<void>;
}
