import { create } from '@bufbuild/protobuf';
import { AttributeValueSchema } from './architech/v1/common_pb';
import type { AttributeValue } from './architech/v1/common_pb';

/** An attribute as the engine writes it on spans and log records. */
export type AttributeScalar = string | number | boolean;

/**
 * Converts engine attributes to the protobuf map. Safe integers travel as `int64` so counters
 * (attempt, hop, replica) stay exact; other numbers as `double`.
 *
 * @example
 * create(SpanSchema, { spanId, attributes: attributesToProto({ attempt: 2, unfinished: true }) });
 */
export function attributesToProto(attributes: Readonly<Record<string, AttributeScalar>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(attributes)) out[key] = attributeValueOf(value);
  return out;
}

/** Converts a protobuf attribute map back to engine attributes; an unset value is left out. */
export function attributesFromProto(attributes: Readonly<Record<string, AttributeValue>>): Record<string, AttributeScalar> {
  const out: Record<string, AttributeScalar> = {};
  for (const [key, { value }] of Object.entries(attributes)) {
    if (value.case === undefined) continue;
    out[key] = value.case === 'intValue' ? Number(value.value) : value.value;
  }
  return out;
}

function attributeValueOf(value: AttributeScalar): AttributeValue {
  switch (typeof value) {
    case 'string':
      return create(AttributeValueSchema, { value: { case: 'stringValue', value } });
    case 'boolean':
      return create(AttributeValueSchema, { value: { case: 'boolValue', value } });
    default:
      return Number.isSafeInteger(value)
        ? create(AttributeValueSchema, { value: { case: 'intValue', value: BigInt(value) } })
        : create(AttributeValueSchema, { value: { case: 'doubleValue', value } });
  }
}
