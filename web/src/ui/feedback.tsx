import type { ReactNode } from 'react';
import { describeError } from '../api/api-error';

/** A spinner with a text for screen readers and sighted users alike. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="row muted" role="status" aria-live="polite" style={{ padding: 16 }}>
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

/** An error explained in words, with an optional retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="alert error row" role="alert">
      <span>{describeError(error)}</span>
      <span className="spacer" />
      {onRetry && <button onClick={onRetry}>Try again</button>}
    </div>
  );
}

/** What a list shows when it has nothing yet, with the action that fills it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="card stack" style={{ alignItems: 'center', textAlign: 'center', padding: 32 }}>
      <h3>{title}</h3>
      {children}
    </div>
  );
}
