import type { ValidationIssue } from '@architech/contracts';

/** An error answered by the API (`{ error: { code, message, details } }`) or a failed request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field-level problems of a `validation_failed` answer. */
  get issues(): ValidationIssue[] {
    return Array.isArray(this.details) ? (this.details as ValidationIssue[]) : [];
  }
}

/** A sentence a user understands for any error thrown by an API call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'network_error':
        return 'The server cannot be reached. Check that Architech is running, then try again.';
      case 'unauthorized':
        return 'Your session has ended. Please log in again.';
      case 'too_many_requests':
        return 'Too many requests right now. Wait a few seconds and try again.';
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : String(error);
}
