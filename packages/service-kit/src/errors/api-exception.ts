import type { ApiErrorBody, ValidationIssue } from '@architech/contracts';

/**
 * An error the API answers with its JSON error shape (`{ error: { code, message, details } }`,
 * docs/api.md). Throw it from services; the exception filter renders it.
 */
export class ApiException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['error']['details'],
  ) {
    super(message);
  }

  body(): ApiErrorBody {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }

  static validation(what: string, issues: ValidationIssue[]): ApiException {
    const first = issues[0];
    const where = first?.path ? ` at ${first.path}` : '';
    return new ApiException(400, 'validation_failed', `${what} is invalid${where}: ${first?.message ?? 'unknown problem'}`, issues);
  }

  static notFound(what: string): ApiException {
    return new ApiException(404, 'not_found', `${what} not found`);
  }

  static forbidden(message: string): ApiException {
    return new ApiException(403, 'forbidden', message);
  }

  static conflict(message: string, details?: Record<string, unknown>): ApiException {
    return new ApiException(409, 'conflict', message, details);
  }

  static unauthorized(message = 'missing or invalid access token'): ApiException {
    return new ApiException(401, 'unauthorized', message);
  }
}
