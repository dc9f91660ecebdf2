import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { BusMessageError } from './bus-message-error';

/** Every bus message is keyed by its simulation id (docs/architecture.md §5), so it must carry one. */
type KeyedSchema = DescMessage & { field: { simulationId: unknown } };

/**
 * Encodes a message as protobuf binary (missing fields take their protobuf defaults).
 *
 * @throws BusMessageError when `simulationId` is empty, since the bus could not key the message.
 */
export function encodeWire<S extends KeyedSchema>(schema: S, message: MessageInitShape<S>): Uint8Array {
  const full = create(schema, message);
  if ((full as unknown as { simulationId: string }).simulationId === '') throw new BusMessageError(schema.typeName, 0, 'simulation_id is empty');
  return toBinary(schema, full);
}

/**
 * Decodes protobuf binary taken off the bus, then hands the message to `validate`, which maps it
 * to its domain shape and throws a reason for anything a producer of ours would never send.
 *
 * @throws BusMessageError when the bytes are not valid protobuf for `schema`, carry no simulation
 *   id, or fail `validate` (the error names the field).
 */
export function decodeWire<S extends KeyedSchema, T>(schema: S, bytes: Uint8Array, validate: (message: MessageShape<S>) => T): T {
  let message: MessageShape<S>;
  try {
    message = fromBinary(schema, bytes);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new BusMessageError(schema.typeName, bytes.byteLength, `not a valid message (${bytes.byteLength} bytes): ${reason}`, { cause });
  }
  if ((message as unknown as { simulationId: string }).simulationId === '') throw new BusMessageError(schema.typeName, bytes.byteLength, 'simulation_id is empty');
  try {
    return validate(message);
  } catch (cause) {
    if (!(cause instanceof InvalidField)) throw cause;
    throw new BusMessageError(schema.typeName, bytes.byteLength, cause.message, { cause });
  }
}

/** A decoded message breaks the contract at `field` (thrown by a codec's validation). */
export class InvalidField extends Error {
  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.name = 'InvalidField';
  }
}

/** A string a consumer cannot do without (an id). */
export function required(field: string, value: string): string {
  if (value === '') throw new InvalidField(field, 'is empty');
  return value;
}

/** A number the message must carry as a finite value within [min, max]. */
export function within(field: string, value: number, min: number, max = Infinity): number {
  if (!Number.isFinite(value) || value < min || value > max) throw new InvalidField(field, `must be a number in [${min}, ${max}], got ${value}`);
  return value;
}

/**
 * One protobuf enum and its names in the domain, in both directions: the single mapping of a
 * message kind's enum (the zero value, UNSPECIFIED, has no name and is refused on decode).
 *
 * @example const LEVEL = enumMapping('level', { debug: LogLevel.DEBUG, info: LogLevel.INFO, … });
 */
export function enumMapping<N extends string>(field: string, codes: Readonly<Record<N, number>>) {
  const names = new Map<number, N>();
  for (const name of Object.keys(codes) as N[]) names.set(codes[name], name);
  const known = [...names.values()].join(', ');
  return {
    /** The wire code of a domain name. */
    code: (name: N): number => codes[name],
    /** The domain name of a wire code; throws for a code without one. */
    name: (code: number, at: string = field): N => {
      const name = names.get(code);
      if (name === undefined) throw new InvalidField(at, `has code ${code}, which is none of ${known}`);
      return name;
    },
  };
}
