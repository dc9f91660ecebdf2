import type { z } from 'zod';

/** One problem found in an input, located by the path of the offending field. */
export interface ValidationIssue {
  /** Path of the field, e.g. `components[2].properties.serviceTime.mean`; empty for the whole document. */
  path: string;
  message: string;
  /** Stable machine-readable code, e.g. `too_small`, `dangling_connection`, `cycle`. */
  code: string;
}

/** The outcome of validating an input: the parsed value with defaults, or every issue found. */
export type ValidationOutcome<T> =
  | { ok: true; value: T; warnings: ValidationIssue[] }
  | { ok: false; issues: ValidationIssue[]; warnings: ValidationIssue[] };

/**
 * Renders a zod path the way users write it in JSON tooling.
 *
 * @example formatPath(['components', 2, 'properties', 'serviceTime', 'mean']) === 'components[2].properties.serviceTime.mean'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Converts zod issues into {@link ValidationIssue}s, naming the unknown keys and union options. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  return issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path]);
    return { path, message: issue.message, code: issue.code };
  });
}

/** Renders issues one per line, `path: message`. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n');
}
