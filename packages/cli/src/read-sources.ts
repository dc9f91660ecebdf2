import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_LIMITS } from '@architech/contracts';
import type { SourceFile } from '@architech/iac-import';
import { InputError } from './input-error';

/** Files a folder import reads; everything else in the folder is skipped. */
const IMPORTABLE = /\.(ya?ml|json|tf)$/i;
/** Folders never read: tool state and dependencies, not the team's infrastructure code. */
const SKIPPED_DIRS = new Set(['node_modules', '.terraform', '.git']);

function walk(path: string, out: string[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError('unreadable', [`architech: cannot read '${path}': no such file or folder`]);
  }
  if (!stat.isDirectory()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.'))) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) walk(child, out);
    else if (IMPORTABLE.test(entry.name) && !/\.tfstate|package(-lock)?\.json$|tsconfig/i.test(entry.name)) out.push(child);
  }
}

/**
 * The files named on the command line, folders expanded (YAML, JSON and `.tf` files, recursively,
 * in name order), read as text within the import's limits.
 */
export function readSources(paths: readonly string[]): SourceFile[] {
  const files: string[] = [];
  for (const p of paths) walk(p, files);
  if (files.length === 0) throw new InputError('unreadable', [`architech: no YAML, JSON or .tf files in ${paths.join(', ')}`]);
  if (files.length > IMPORT_LIMITS.maxFiles) throw new InputError('too_large', [`architech: ${files.length} files: an import reads at most ${IMPORT_LIMITS.maxFiles}`]);
  return files.map((path) => {
    if (statSync(path).size > IMPORT_LIMITS.maxFileChars * 4) throw new InputError('too_large', [`${path}:1: larger than an import accepts (${IMPORT_LIMITS.maxFileChars} characters)`]);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputError('unreadable', [`architech: cannot read '${path}': ${(error as Error).message}`]);
    }
    return { path, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  });
}
