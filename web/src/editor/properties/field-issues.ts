import type { ValidationIssue } from '@architech/contracts';
import type { ElementIssues } from '../overlays';

/** The validation problems shown under one field: errors block a run, warnings do not. */
export interface FieldIssues {
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
}

/** No problems. */
export const NO_ISSUES: FieldIssues = { errors: [], warnings: [] };

/** One key of a property path: an object key, or an array index (a profile's points). */
export type PathKey = string | number;

/**
 * The path `validateDesign` gives a property of an element, e.g.
 * `propertyIssuePath('components[2]', ['serviceTime', 'mean'])` is
 * `components[2].properties.serviceTime.mean`, and indexes print as `[i]` like zod paths do.
 */
export function propertyIssuePath(elementPrefix: string, path: readonly PathKey[]): string {
  return `${elementPrefix}.properties${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('')}`;
}

/** The problems whose path is exactly `path`: the ones a field shows under itself. */
export function issuesAt(issues: FieldIssues | undefined, path: string): FieldIssues {
  if (!issues) return NO_ISSUES;
  const errors = issues.errors.filter((i) => i.path === path);
  const warnings = issues.warnings.filter((i) => i.path === path);
  return errors.length === 0 && warnings.length === 0 ? NO_ISSUES : { errors, warnings };
}

/**
 * The problems of an element that no field shows: those about the element itself (`components[2]`:
 * no downstream, a cycle), its id or type, or its properties object as a whole (an unknown key).
 * Everything under `<prefix>.properties.` belongs to a field, as do the paths in `shownByFields`
 * (the name, a connection's ends).
 */
export function elementLevelIssues(issues: ElementIssues | undefined, prefix: string, shownByFields: readonly string[]): FieldIssues {
  if (!issues) return NO_ISSUES;
  const own = (i: ValidationIssue) => !i.path.startsWith(`${prefix}.properties.`) && !shownByFields.includes(i.path);
  return { errors: issues.errors.filter(own), warnings: issues.warnings.filter(own) };
}

/** Whether there is anything to show. */
export function hasIssues(issues: FieldIssues): boolean {
  return issues.errors.length > 0 || issues.warnings.length > 0;
}
