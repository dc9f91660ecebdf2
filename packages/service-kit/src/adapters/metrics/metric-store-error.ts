/**
 * Why a metric store operation failed, as a stable code callers can branch on:
 * - `invalid_config`: a schema, URL or database name the adapter cannot use;
 * - `invalid_point`: a point no adapter stores (an empty id, a non-finite time) or InfluxDB cannot
 *   spell (a newline, or a backslash line protocol versions read differently, in a name); the
 *   whole `write` is refused before anything is stored;
 * - `invalid_query`: e.g. `maxPoints` below 1;
 * - `unavailable`: the store did not answer (connection refused, timeout);
 * - `rejected`: the store answered with an error; `message` carries the store's own words.
 */
export type MetricStoreErrorCode = 'invalid_config' | 'invalid_point' | 'invalid_query' | 'unavailable' | 'rejected';

/**
 * An error from a metric store adapter. After `unavailable` or `rejected` from `write`, part of
 * the batch may be stored; writing it again is safe because writes are idempotent.
 */
export class MetricStoreError extends Error {
  override readonly name = 'MetricStoreError';

  constructor(
    readonly code: MetricStoreErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
