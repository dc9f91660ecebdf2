import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the embedded start keeps the secrets it generated, inside DATA_DIR. */
export const SECRETS_FILE = 'secrets.json';

interface StoredSecrets {
  JWT_SECRET: string;
  INTERNAL_TOKEN: string;
}

const newSecret = () => randomBytes(32).toString('base64url');

/**
 * The embedded start's JWT_SECRET and INTERNAL_TOKEN when the environment sets none: random on the
 * first start, kept in `<DATA_DIR>/secrets.json` (readable by the owner only) so tokens stay valid
 * across restarts. Nobody can forge a token with the development secret published in the source.
 * Values set in the environment always win and are never written.
 */
export function embeddedSecrets(dataDir: string, env: NodeJS.ProcessEnv): Partial<StoredSecrets> {
  const missing = (['JWT_SECRET', 'INTERNAL_TOKEN'] as const).filter((key) => !env[key]);
  if (missing.length === 0) return {};
  const path = join(dataDir, SECRETS_FILE);
  let stored: Partial<StoredSecrets> = {};
  if (existsSync(path)) {
    try {
      stored = JSON.parse(readFileSync(path, 'utf8')) as Partial<StoredSecrets>;
    } catch (error) {
      throw new Error(`${path} is not readable JSON (${(error as Error).message}); restore it, or delete it to invalidate every session`);
    }
  }
  const complete: StoredSecrets = { JWT_SECRET: stored.JWT_SECRET || newSecret(), INTERNAL_TOKEN: stored.INTERNAL_TOKEN || newSecret() };
  if (complete.JWT_SECRET !== stored.JWT_SECRET || complete.INTERNAL_TOKEN !== stored.INTERNAL_TOKEN) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(complete, null, 2)}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return Object.fromEntries(missing.map((key) => [key, complete[key]]));
}
