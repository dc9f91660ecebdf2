import { useSyncExternalStore } from 'react';

interface Toast {
  readonly id: number;
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

/** Shows a short message at the bottom of the screen for a few seconds. */
export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = nextId++;
  emit([...toasts, { id, text, kind }].slice(-4));
  window.setTimeout(() => emit(toasts.filter((t) => t.id !== id)), kind === 'error' ? 7000 : 3500);
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
        <div key={t.id} className={`toast ${t.kind}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
