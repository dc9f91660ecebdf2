import { useSyncExternalStore } from 'react';

/** Where the app is: path and query, as the address bar shows them. */
export interface Location {
  readonly pathname: string;
  readonly search: string;
}

const listeners = new Set<() => void>();
let current: Location = readLocation();

function readLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

function notify(): void {
  const next = readLocation();
  if (next.pathname === current.pathname && next.search === current.search) return;
  current = next;
  for (const listener of listeners) listener();
}

/**
 * Something that must agree before the app leaves the current page (the editor with unsaved
 * changes): `blocks` says whether to ask, `confirm` asks and calls `proceed` to leave.
 */
export interface NavigationGuard {
  blocks(): boolean;
  confirm(proceed: () => void): void;
}

let guard: NavigationGuard | undefined;
let bypassNextPop = false;

/** Installs `next` as the guard of every in-app navigation (links, `navigate`, Back/Forward); returns its removal. */
export function setNavigationGuard(next: NavigationGuard): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = undefined;
  };
}

window.addEventListener('popstate', () => {
  if (bypassNextPop) {
    bypassNextPop = false;
    afterLoading(readLocation());
    return;
  }
  const active = guard;
  if (active?.blocks()) {
    // Undo the browser's move (the page has not changed yet), then ask; leaving replays it.
    window.history.pushState(null, '', current.pathname + current.search);
    active.confirm(() => {
      bypassNextPop = true;
      window.history.back();
    });
    return;
  }
  afterLoading(readLocation());
});

/**
 * Back/Forward: the browser has moved already; the page follows once its code has loaded (see
 * {@link setRoutePreloader}), the old one staying meanwhile.
 */
function afterLoading(to: Location): void {
  const navigation = ++navigations;
  const loading = preloader?.(to.pathname, to.search);
  if (loading === undefined) return notify();
  const settle = () => {
    if (navigation === navigations) notify();
  };
  loading.then(settle, settle);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads what the page at `pathname` + `search` needs before it can render (its code), or answers
 * undefined when it has it already (see {@link setRoutePreloader}).
 */
export type RoutePreloader = (pathname: string, search: string) => Promise<void> | undefined;

let preloader: RoutePreloader | undefined;
/** Counts navigations, so a slower earlier one whose page was still loading does not land after a later one. */
let navigations = 0;

/**
 * Installs `next` as the loader of each in-app navigation's page: `navigate` changes the address
 * once the page's code has loaded, so the new page renders at once (the old one stays meanwhile)
 * instead of React's "Loading…" fallback, which it holds for at least 300 ms. Returns its removal.
 */
export function setRoutePreloader(next: RoutePreloader): () => void {
  preloader = next;
  return () => {
    if (preloader === next) preloader = undefined;
  };
}

/**
 * Goes to `to` (a path with an optional query), adding a history entry unless `replace`. A
 * navigation guard (unsaved edits) is asked first unless `force`. When the new page's code is not
 * loaded yet, the address changes once it is (see {@link setRoutePreloader}).
 */
export function navigate(to: string, options: { replace?: boolean; force?: boolean } = {}): void {
  const active = guard;
  const [path = '', query = ''] = to.split('?');
  if (!options.force && active?.blocks()) {
    if (path !== current.pathname || (query ? `?${query}` : '') !== current.search) {
      active.confirm(() => navigate(to, { ...options, force: true }));
      return;
    }
  }
  const go = () => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    notify();
  };
  const navigation = ++navigations;
  const loading = preloader?.(path, query ? `?${query}` : '');
  if (loading === undefined) return go();
  // A failed load navigates too: the page's own Suspense shows the error.
  const settle = () => {
    if (navigation === navigations) go();
  };
  loading.then(settle, settle);
}

/**
 * The location the app shows, outside React: during a Back/Forward whose page is still loading it
 * is the previous one, while the address bar already shows the next.
 */
export function currentLocation(): Location {
  return current;
}

/** The current location; re-renders the caller when it changes. */
export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

/** The query parameters of the current location. */
export function useSearchParams(): URLSearchParams {
  const { search } = useLocation();
  return new URLSearchParams(search);
}

/**
 * Matches `pathname` against a pattern like `/projects/:projectId`; returns the parameters
 * (URI-decoded) or undefined.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return undefined;
  }
  return params;
}
