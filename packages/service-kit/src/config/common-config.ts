import { z } from 'zod';
import { ConfigError } from './load-config';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * The variables every service reads. Documented in docs/configuration.md; each service adds its own.
 */
export const commonConfigShape = {
  /** Postgres connection string; unset → embedded PGlite under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Where embedded data lives. */
  DATA_DIR: z.string().default('.architech-data'),
  /** HMAC secret for access tokens (HS256); required outside development. */
  JWT_SECRET: z.string().min(16).default('architech-development-secret-change-me'),
  /** Access token lifetime: short, since a refresh token renews it (docs/api.md, authentication). */
  JWT_TTL_SEC: z.coerce.number().int().positive().default(900),
  /** Shared secret on service-to-service calls (`x-internal-token`). */
  INTERNAL_TOKEN: z.string().min(16).default('architech-internal-development-token'),
  /** OpenTelemetry exporter of the service's own spans. */
  OTEL_EXPORTER: z.enum(['none', 'console', 'otlp']).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** Request body limit in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(2_000_000),
  LOG_REQUESTS: bool.default(false),
};

export const commonConfigSchema = z.object(commonConfigShape);

const DEVELOPMENT_SECRETS = new Set(['architech-development-secret-change-me', 'architech-internal-development-token']);

/**
 * Refuses the development defaults of JWT_SECRET and INTERNAL_TOKEN when NODE_ENV=production:
 * anyone could forge tokens with a secret that is published in the source.
 */
export function assertProductionSecrets(config: { JWT_SECRET: string; INTERNAL_TOKEN: string }, env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems = [];
  if (DEVELOPMENT_SECRETS.has(config.JWT_SECRET)) problems.push('JWT_SECRET: set a secret of your own in production');
  if (DEVELOPMENT_SECRETS.has(config.INTERNAL_TOKEN)) problems.push('INTERNAL_TOKEN: set a token of your own in production');
  if (problems.length > 0) throw new ConfigError(problems);
}
export type CommonConfig = z.output<typeof commonConfigSchema>;
