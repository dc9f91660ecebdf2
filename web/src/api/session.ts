import { useSyncExternalStore } from 'react';
import type { LoginResponse, UserDto } from '@architech/contracts';

/** The signed-in user and their bearer token, kept in localStorage across reloads. */
export interface Session {
  readonly accessToken: string;
  readonly user: UserDto;
  /** Epoch milliseconds after which the token is refused. */
  readonly expiresAt: number;
}

const KEY = 'architech.session';
const listeners = new Set<() => void>();
let current: Session | undefined = load();

function load(): Session | undefined {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() ? session : undefined;
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

// Another tab logging in or out changes this one too.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = load();
  for (const listener of listeners) listener();
});

export function getSession(): Session | undefined {
  if (current && current.expiresAt <= Date.now()) set(undefined);
  return current;
}

export function startSession(login: LoginResponse): void {
  set({ accessToken: login.accessToken, user: login.user, expiresAt: Date.now() + login.expiresInSec * 1000 });
}

export function endSession(): void {
  set(undefined);
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
