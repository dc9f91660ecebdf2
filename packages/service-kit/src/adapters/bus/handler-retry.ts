import type { BusMessage } from '../../ports/event-bus.port';

/** How long a failed handler waits before the same message is delivered again. */
export interface RetryBackoff {
  /** Delay after the first failure. */
  initialMs: number;
  /** The delay doubles after each further failure, up to this cap. */
  maxMs: number;
}

/** 10 ms, 20 ms, 40 ms, … capped at 1 s: quick recovery from a blip, no busy loop on a poison message. */
export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 10, maxMs: 1000 };

/** What an adapter reports each time a handler throws, before it redelivers the message. */
export interface HandlerFailure {
  error: unknown;
  message: BusMessage;
  group: string;
  /** 1 for the first failure of this message in this subscriber. */
  attempt: number;
  /** 0 when the message is skipped. */
  retryInMs: number;
  /** True when the handler threw {@link UndecodableMessageError}: the message is skipped (committed), not redelivered. */
  skipped: boolean;
}

/**
 * Thrown by a handler for a message it can never handle, whatever the retries: bytes that do not
 * decode. Every adapter reports it (with `skipped: true`) and moves on to the next message instead
 * of redelivering it forever, which would block its partition (a crash loop in slow motion).
 */
export class UndecodableMessageError extends Error {
  override readonly name = 'UndecodableMessageError';
}

/**
 * Runs `decode` on a message's bytes; a failure becomes an {@link UndecodableMessageError} naming
 * `what` (e.g. "metric batch"), so the bus skips and reports the message rather than retrying it.
 * @example const batch = decodeOrSkip('metric batch', bytes, decodeMetricBatch);
 */
export function decodeOrSkip<T>(what: string, bytes: Uint8Array, decode: (bytes: Uint8Array) => T): T {
  try {
    return decode(bytes);
  } catch (error) {
    throw new UndecodableMessageError(`a ${what} of ${bytes.byteLength} bytes does not decode: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Whether a handler's failure means "skip this message" rather than "retry it". */
export function isUndecodable(error: unknown): boolean {
  return error instanceof UndecodableMessageError || (error instanceof Error && error.name === 'UndecodableMessageError');
}

/** Receives handler failures; the message is redelivered whatever it does. */
export type HandlerFailureReporter = (failure: HandlerFailure) => void;

/**
 * The default reporter: one line on stderr per failure. A handler that keeps failing blocks its
 * partition, so this must not be silent.
 */
export const reportHandlerFailureToStderr: HandlerFailureReporter = (failure) => {
  const { message, group, attempt, retryInMs, error } = failure;
  const reason = error instanceof Error ? error.message : String(error);
  if (failure.skipped) {
    console.error(`event bus: handler of group "${group}" skipped a message on topic "${message.topic}" key "${message.key}" it can never handle: ${reason}`);
    return;
  }
  console.error(
    `event bus: handler of group "${group}" failed on topic "${message.topic}" key "${message.key}" (attempt ${attempt}), redelivering in ${retryInMs} ms: ${reason}`,
  );
};

/** The delay before redelivery after the `attempt`-th consecutive failure (1-based). */
export function backoffDelayMs(attempt: number, backoff: RetryBackoff): number {
  return Math.min(backoff.initialMs * 2 ** (attempt - 1), backoff.maxMs);
}

/** Calls `report` and keeps going if it throws: a broken reporter must not stall a partition. */
export function reportSafely(report: HandlerFailureReporter, failure: HandlerFailure): void {
  try {
    report(failure);
  } catch {
    // Nothing better to do with a reporter's own failure than to keep delivering.
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts, so a stopping subscriber is not held up by a backoff. */
export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
