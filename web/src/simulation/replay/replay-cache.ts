/** Loads kept: four per simulation (design, first series, all series, traces) for the last two simulations. */
const MAX_ENTRIES = 8;
const entries = new Map<string, unknown>();
/** Loads of {@link rememberedShared} still on their way, by key. */
const pending = new Map<string, Promise<unknown>>();

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

/**
 * {@link remembered} for a load that takes no abort signal, shared while it is on its way: a
 * second caller for `key` gets the same promise instead of loading again (the replay's design is
 * asked for by the series load and by the canvas at the same moment).
 *
 * @example rememberedShared(`${simulation.id}:model`, () => loadReplayModel(source, simulation))
 */
export function rememberedShared<T>(key: string, load: () => Promise<T>): Promise<T> {
  const inFlight = pending.get(key);
  if (inFlight) return inFlight as Promise<T>;
  const promise = remembered(key, load).finally(() => pending.delete(key));
  if (!entries.has(key)) pending.set(key, promise);
  return promise;
}
