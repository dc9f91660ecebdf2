/** How long a prefetched answer may wait for the view that asks for it. */
const FRESH_MS = 10_000;

const waiting = new Map<string, { at: number; answer: Promise<unknown> }>();

/**
 * Keeps `answer`, asked for before the view that needs it exists (see app/route-prefetch.ts), for
 * the first {@link takePrefetched} of `key` within 10 s. A failed answer is dropped: the view asks
 * again itself.
 */
export function prefetched<T>(key: string, answer: Promise<T>): Promise<T> {
  const entry = { at: performance.now(), answer };
  waiting.set(key, entry);
  answer.catch(() => {
    if (waiting.get(key) === entry) waiting.delete(key);
  });
  return answer;
}

/** The answer prefetched for `key`, once: a later call, or one after 10 s, asks for a fresh one (undefined). */
export function takePrefetched<T>(key: string): Promise<T> | undefined {
  const entry = waiting.get(key);
  if (entry === undefined) return undefined;
  waiting.delete(key);
  return performance.now() - entry.at <= FRESH_MS ? (entry.answer as Promise<T>) : undefined;
}
