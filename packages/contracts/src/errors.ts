import type { ValidationIssue } from './issues';

/** The JSON body of every error answered by the HTTP API (docs/api.md). */
export interface ApiErrorBody {
  error: {
    /** Stable code, e.g. `validation_failed`, `not_found`, `conflict`, `limit_exceeded`. */
    code: string;
    message: string;
    details?: ValidationIssue[] | Record<string, unknown>;
  };
}
