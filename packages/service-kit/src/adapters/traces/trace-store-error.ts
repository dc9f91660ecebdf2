/** Why a trace store operation failed, as a stable code callers can branch on. */
export type TraceStoreErrorCode = 'invalid_config' | 'write_failed';

/**
 * An error from a trace store adapter. `write_failed` means part of a batch was not stored; the
 * caller should not acknowledge the batch, so redelivery writes it again (writes are idempotent).
 */
export class TraceStoreError extends Error {
  constructor(
    readonly code: TraceStoreErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'TraceStoreError';
  }
}
