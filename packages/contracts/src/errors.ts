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

/** Builds the error body for a failed validation. */
export function validationErrorBody(what: string, issues: ValidationIssue[]): ApiErrorBody {
  const first = issues[0];
  const where = first && first.path ? ` at ${first.path}` : '';
  return {
    error: {
      code: 'validation_failed',
      message: `${what} is invalid${where}: ${first ? first.message : 'unknown problem'}`,
      details: issues,
    },
  };
}
