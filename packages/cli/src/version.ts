import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI's version, from its package.json. Read at run time because the manifest sits outside
 * `src` (the compiler's rootDir); `../package.json` resolves from both `src` and `dist`.
 */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}
