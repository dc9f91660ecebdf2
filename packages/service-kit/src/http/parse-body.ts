import { fromZodIssues } from '@architech/contracts';
import type { z } from 'zod';
import { ApiException } from '../errors/api-exception';

/**
 * Validates input at the edge with a zod schema; a failure is a 400 whose details name each field.
 *
 * @example const input = parseInput(createProjectSchema, body, 'project');
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw ApiException.validation(what, fromZodIssues(parsed.error.issues));
  return parsed.data;
}
