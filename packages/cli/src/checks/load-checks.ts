import { readFileSync } from 'node:fs';
import { validateChecksFile, type ChecksFile, type Design } from '@architech/contracts';
import { parseDocument } from 'yaml';
import { InputError } from '../input-error';
import { fromSource, issueLine } from '../issue-lines';
import { readJsonFile } from '../load';

/** YAML when the file says so by its extension; JSON otherwise (the errors then name line and column). */
function readChecks(file: string): unknown {
  if (!/\.ya?ml$/i.test(file)) return readJsonFile(file, 'checks');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('unreadable', [`architech: cannot read checks file '${file}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`]);
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const at = e.linePos?.[0];
    throw new InputError('invalid_yaml', [`architech: checks file is not valid YAML: ${file}${at ? `:${at.line}:${at.col}` : ''}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`]);
  }
  return doc.toJS();
}

/**
 * Reads a checks file (JSON, or YAML by a `.yaml`/`.yml` extension) and validates it against the
 * design: every problem is a `file: path: message` line; exit code 2.
 */
export function loadChecks(file: string, design?: Design): ChecksFile {
  const outcome = validateChecksFile(readChecks(file), design);
  if (!outcome.ok) throw new InputError('invalid_checks', fromSource(file, outcome.issues).map(issueLine));
  return outcome.value;
}
