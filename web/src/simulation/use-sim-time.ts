import { useCallback, useSyncExternalStore } from 'react';
import { useSearchParams } from '../app/router';
import { parseSeconds, secondsParam } from './sim-time';
import { setParams } from './url-state';

/**
 * Browsers throttle history updates (Safari refuses more than 100 in 30 s), so while a scrubber
 * drags the time, the value moves in memory at once and the address bar follows at most this often.
 */
const URL_WRITE_MS = 200;

let pending: { readonly t: number | undefined; readonly pathname: string } | undefined;
let timer: number | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function write(t: number | undefined, replace: boolean): void {
  setParams({ t: t === undefined ? undefined : secondsParam(t) }, { replace });
}

function flush(): void {
  timer = undefined;
  const last = pending;
  pending = undefined;
  // The user left the page meanwhile: the time belonged to the page they left.
  if (last && last.pathname === window.location.pathname) write(last.t, true);
  notify();
}

/** Moves the shared simulated time. `push` makes a history entry (a jump); otherwise it replaces (scrubbing). */
export type SetSimTime = (t: number | undefined, options?: { push?: boolean }) => void;

/**
 * The simulated time (seconds) the simulation page is looking at, shared by the dashboard's
 * cursor, the replay scrubber and "replay at this moment" links, and kept in the URL as `t`.
 * Continuous changes replace the history entry and reach the URL throttled; every caller sees
 * the new value at once.
 *
 * @example
 * const [t, setT] = useSimTime();
 * <input type="range" value={t ?? 0} onChange={(e) => setT(Number(e.target.value))} />
 */
export function useSimTime(): [t: number | undefined, setT: SetSimTime] {
  const fromUrl = parseSeconds(useSearchParams().get('t'));
  const local = useSyncExternalStore(subscribe, () => pending);
  const setT = useCallback<SetSimTime>((t, options) => {
    if (options?.push) {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      write(t, false);
      notify();
      return;
    }
    pending = { t, pathname: window.location.pathname };
    notify();
    timer ??= window.setTimeout(flush, URL_WRITE_MS);
  }, []);
  return [local ? local.t : fromUrl, setT];
}
