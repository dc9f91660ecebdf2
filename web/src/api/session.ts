import { useSyncExternalStore } from 'react';
import type { LoginResponse, UserDto } from '@architech/contracts';

/**
 * The signed-in user, kept in localStorage across reloads: a short-lived bearer access token and
 * the session's single-use refresh token, which renews it (docs/api.md, authentication).
 */
export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: UserDto;
  /** Epoch milliseconds after which the access token is refused. */
  readonly expiresAt: number;
  /** Epoch milliseconds at which the session (its refresh token) ends. */
  readonly refreshExpiresAt: number;
}

const KEY = 'architech.session';
/** Renew an access token this long before it expires, so requests never carry a stale one. */
const RENEW_BEFORE_MS = 30_000;
const listeners = new Set<() => void>();
let current: Session | undefined = load();

function load(): Session | undefined {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    return typeof session.refreshToken === 'string' && session.refreshExpiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

function set(next: Session | undefined): void {
  current = next;
  if (next) window.localStorage.setItem(KEY, JSON.stringify(next));
  else window.localStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

// Another tab logging in, renewing or logging out changes this one too.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = load();
  for (const listener of listeners) listener();
});

export function getSession(): Session | undefined {
  if (current && current.refreshExpiresAt <= Date.now()) set(undefined);
  return current;
}

export function startSession(login: LoginResponse): void {
  const now = Date.now();
  set({ accessToken: login.accessToken, refreshToken: login.refreshToken, user: login.user, expiresAt: now + login.expiresInSec * 1000, refreshExpiresAt: now + login.refreshExpiresInSec * 1000 });
}

/** Forgets the session in this browser (every tab) without telling the server; see {@link logout}. */
export function endSession(): void {
  set(undefined);
}

let renewing: Promise<Session | undefined> | undefined;

/**
 * Exchanges the session's refresh token for a new pair, once at a time across this tab (a shared
 * promise) and across tabs (a Web Lock, and a re-read of the stored session: another tab may have
 * renewed it already, and a refresh token works only once). Ends the session when refused.
 */
function renew(staleAccessToken: string): Promise<Session | undefined> {
  renewing ??= withLock(async () => {
    const stored = load();
    if (!stored) return undefined;
    if (stored.accessToken !== staleAccessToken && stored.expiresAt - RENEW_BEFORE_MS > Date.now()) {
      current = stored;
      return stored;
    }
    let response: Response;
    try {
      response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ refreshToken: stored.refreshToken }) });
    } catch {
      return stored; // offline: keep the session, the request reports the network error
    }
    if (!response.ok) {
      set(undefined);
      return undefined;
    }
    startSession((await response.json()) as LoginResponse);
    return current;
  }).finally(() => {
    renewing = undefined;
  });
  return renewing;
}

function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: { request(name: string, fn: () => Promise<T>): Promise<T> } }).locks;
  return locks ? locks.request('architech.session.renew', fn) : fn();
}

/** The access token to send now, renewed first when it is about to expire; undefined when signed out. */
export async function accessToken(): Promise<string | undefined> {
  const session = getSession();
  if (!session) return undefined;
  if (session.expiresAt - RENEW_BEFORE_MS > Date.now()) return session.accessToken;
  return (await renew(session.accessToken))?.accessToken;
}

/** After a 401 for `rejectedToken`: a renewed access token to retry with, or undefined (signed out). */
export async function accessTokenAfter401(rejectedToken: string): Promise<string | undefined> {
  if (!getSession()) return undefined;
  return (await renew(rejectedToken))?.accessToken;
}

/**
 * Logs out on the server — this session, or with `everywhere` every session of the account on
 * every device — then forgets the session here. The local session ends even if the server
 * cannot be reached.
 */
export async function logout(everywhere = false): Promise<void> {
  const session = getSession();
  try {
    if (session) await fetch(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${session.accessToken}` } });
  } finally {
    endSession();
  }
}

/** The current session; re-renders on log in / log out (also in other tabs). */
export function useSession(): Session | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
