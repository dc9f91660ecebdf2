import { readFileSync } from 'node:fs';
import { validateDesign, type Design } from '@architech/contracts';
import { InputError } from './input-error';
import { fromSource, issueLine, type SourcedIssue } from './issue-lines';
import { locateJsonSyntaxError } from './json-syntax-error';

/**
 * Reads and parses a JSON file. Failures become {@link InputError}s naming the file, and for a
 * syntax error its line and column.
 *
 * @param what the file's role, for messages: `design`, `faults`
 */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('unreadable', [`architech: cannot read ${what} file '${file}': ${describeFsError(error)}`]);
  }
  // Some editors save a byte-order mark, which JSON.parse rejects although the file is fine.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = locateJsonSyntaxError(text);
    const detail = at ? `${file}:${at.line}:${at.column}: ${at.reason}` : `${file}: ${(error as Error).message}`;
    throw new InputError('invalid_json', [`architech: ${what} file is not valid JSON: ${detail}`]);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}

/** A parsed design with its defaults filled in, and what validation found worth a warning. */
export interface LoadedDesign {
  design: Design;
  warnings: SourcedIssue[];
}

/**
 * Reads and validates a design file; schema and graph errors become an {@link InputError} with
 * one `file: path: message` line per issue.
 */
export function loadDesign(file: string): LoadedDesign {
  const raw = readJsonFile(file, 'design');
  const outcome = validateDesign(raw);
  const warnings = fromSource(file, outcome.warnings);
  if (!outcome.ok) throw new InputError('invalid_design', [...misplacedFaults(file, raw), ...fromSource(file, outcome.issues)].map(issueLine));
  return { design: outcome.value, warnings };
}

/**
 * A design refuses unknown top-level keys; faults written into one are the usual mistake, so they
 * get a line saying where they belong: faults belong to a run and come from `--faults`.
 */
export function misplacedFaults(file: string, raw: unknown): SourcedIssue[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('faults' in raw)) return [];
  return [{ file, path: 'faults', code: 'misplaced_key', message: 'faults belong to a run, not to a design file; put them in a file passed with --faults' }];
}

/**
 * Reads a faults file: a JSON array of faults, or an object `{ "faults": [...] }` (the shape of a
 * saved scenario). The faults themselves are checked later, with the run's configuration.
 */
export function loadFaults(file: string): unknown[] {
  const raw = readJsonFile(file, 'faults');
  if (Array.isArray(raw)) return raw;
  if (raw !== null && typeof raw === 'object') {
    const keys = Object.keys(raw);
    const faults = (raw as { faults?: unknown }).faults;
    if (Array.isArray(faults) && keys.length === 1) return faults;
    const extra = keys.filter((k) => k !== 'faults');
    if (Array.isArray(faults)) throw new InputError('invalid_faults', [`${file}: unknown key${extra.length > 1 ? 's' : ''} ${extra.map((k) => `'${k}'`).join(', ')}; a faults file holds only "faults"`]);
  }
  throw new InputError('invalid_faults', [`${file}: expected a JSON array of faults or an object { "faults": [...] }`]);
}
