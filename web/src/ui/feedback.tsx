import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/api-error';

/** A spinner with a text for screen readers and sighted users alike. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="row muted" role="status" aria-live="polite" style={{ padding: 16 }}>
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

/** Whether trying again could help: not for something that is not there or not yours to see. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && (error.status === 403 || error.status === 404 || error.status === 400));
}

/** An error explained in words, with a retry when one could help. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const text = describeError(error);
  return (
    <div className="alert error row" role="alert">
      <span>{text.charAt(0).toUpperCase() + text.slice(1)}</span>
      <span className="spacer" />
      {onRetry && isRetryable(error) && <button onClick={onRetry}>Try again</button>}
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
