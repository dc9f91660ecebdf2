/**
 * Thrown when bytes taken off the bus are not a valid message of the expected type, or when a
 * message to publish lacks the simulation id it is keyed by. Consumers dead-letter it instead of
 * retrying: the same bytes will fail the same way.
 */
export class BusMessageError extends Error {
  /** Stable code for logs and dead-letter records. */
  readonly code = 'bus_message_invalid';

  constructor(
    /** Fully qualified protobuf type, e.g. `architech.v1.SpanBatch`. */
    readonly messageType: string,
    /** Size of the offending payload; 0 when encoding. */
    readonly byteLength: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${messageType}: ${reason}`, options);
    this.name = 'BusMessageError';
  }
}
