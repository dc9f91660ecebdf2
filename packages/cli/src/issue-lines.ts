import { formatIssues, type ValidationIssue } from '@architech/contracts';

/** A validation issue together with the file (or flag) it was found in. */
export interface SourcedIssue extends ValidationIssue {
  /** The file as the user named it, or the flag, e.g. `--duration`. */
  file: string;
}

/** Tags issues with where they come from, so that one report can mix several files and flags. */
export function fromSource(file: string, issues: readonly ValidationIssue[]): SourcedIssue[] {
  return issues.map((issue) => ({ file, ...issue }));
}

/**
 * Renders an issue as `file: path: message`, the shape compilers use, so that editors and grep
 * can find it.
 *
 * @example issueLine({ file: 'design.json', path: 'components[2].id', code: 'duplicate_id', message: "id 'db' is used twice" })
 * // "design.json: components[2].id: id 'db' is used twice"
 */
export function issueLine(issue: SourcedIssue): string {
  return `${issue.file}: ${formatIssues([issue])}`;
}

/** Renders a warning; warnings never block a run. */
export function warningLine(issue: SourcedIssue): string {
  return `warning: ${issueLine(issue)}`;
}
