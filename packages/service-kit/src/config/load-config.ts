import { z } from 'zod';

/** A configuration value from the environment is missing or invalid. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates configuration from environment variables once, at start-up. `schema` maps
 * variable names to zod schemas (coerce numbers with `z.coerce.number()`); every problem is
 * reported at once, naming the variable.
 *
 * @example const config = loadConfig(z.object({ PORT: z.coerce.number().int().default(3001) }));
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    raw[key] = value === '' ? undefined : value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}${raw[String(i.path[0])] !== undefined ? ` (got '${raw[String(i.path[0])]}')` : ''}`));
  }
  return parsed.data;
}
