import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { BusMessage, OutgoingMessage } from '../../ports/event-bus.port';

/** A port message as kafkajs sends it: the key keeps the partition (so the order) per key. */
export function toKafkaMessage(message: OutgoingMessage): Message {
  const { key, value, headers } = message;
  // A view, not a copy: kafkajs encodes the bytes before `send` resolves.
  return { key, value: Buffer.from(value.buffer, value.byteOffset, value.byteLength), headers: { ...headers } };
}

/**
 * A consumed Kafka record as the port's message. Records from other producers may lack a key or a
 * value (a tombstone): they become `''` and empty bytes. A header repeated in one record keeps its
 * last value, since the port has one string per header.
 */
export function fromKafkaMessage(topic: string, message: KafkaMessage): BusMessage {
  return {
    topic,
    key: message.key?.toString('utf8') ?? '',
    // Copied into a plain Uint8Array so handlers see the same type from every adapter.
    value: message.value ? new Uint8Array(message.value) : new Uint8Array(0),
    headers: headersToStrings(message.headers),
  };
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (last === undefined) continue;
    result[name] = typeof last === 'string' ? last : last.toString('utf8');
  }
  return result;
}
