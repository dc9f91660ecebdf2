/** Loads kept: four per simulation (design, first series, all series, traces) for the last two simulations. */
const MAX_ENTRIES = 8;
const entries = new Map<string, unknown>();

/**
 * `load()`, or what it resolved to the last time for `key`: switching from the replay tab to the
 * dashboard and back does not fetch the series and traces again. Only successful loads that `keep`
 * accepts are kept (an aborted, failed or partial one is loaded again next time); the oldest
 * entries go first.
 *
 * @example remembered(`${simulationId}:traces`, () => loadTraceSample(source, simulationId, signal))
 */
export function remembered<T>(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    // Most recently used last, so it is evicted last.
    entries.delete(key);
    entries.set(key, value);
    return Promise.resolve(value);
  }
  return load().then((value) => {
    if (!keep(value)) return value;
    entries.set(key, value);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return value;
  });
}
