import { useSyncExternalStore } from 'react';

interface Toast {
  readonly id: number;
  /** When it was raised (ms, performance clock). */
  readonly at: number;
  readonly text: string;
  readonly kind: 'info' | 'error';
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/**
 * Shows a short message at the bottom of the screen for a few seconds: the same message again
 * replaces the one showing instead of stacking, at most three show at once, and they belong to the
 * page they were raised on (a navigation clears them; see {@link clearToasts}).
 */
export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = nextId++;
  const message = text.charAt(0).toUpperCase() + text.slice(1);
  emit([...toasts.filter((t) => t.text !== message), { id, at: performance.now(), text: message, kind }].slice(-3));
  window.setTimeout(() => emit(toasts.filter((t) => t.id !== id)), kind === 'error' ? 7000 : 3500);
}

/** Removes the toasts of the page left behind; one raised just now (as the navigation began: "Project deleted") stays. */
export function clearToasts(): void {
  const now = performance.now();
  if (toasts.some((t) => now - t.at > 400)) emit(toasts.filter((t) => now - t.at <= 400));
}

/** Where toasts appear; rendered once by the app. */
export function ToastRegion() {
  const list = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast ${t.kind}`} role={t.kind === 'error' ? 'alert' : undefined}>
          {t.text}
          <button className="ghost icon toast-close" aria-label="Dismiss" onClick={() => emit(toasts.filter((x) => x.id !== t.id))}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
