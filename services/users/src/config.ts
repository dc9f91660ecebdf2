import { commonConfigShape, loadConfig } from '@architech/service-kit';
import { z } from 'zod';

/** The users service's configuration (docs/configuration.md). */
export const usersConfigSchema = z.object({
  ...commonConfigShape,
  USERS_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** bcrypt cost factor (2^cost rounds). */
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** Soft per-account limit of failed logins in LOGIN_WINDOW_SEC (over all addresses). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(100),
  /** Failed logins per client address in LOGIN_WINDOW_SEC (over all accounts). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_SEC: z.coerce.number().int().min(1).default(900),
  /** Failures of one (account, address) pair before its waits start (1 s, then doubling). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(3),
  /** How long a sign-in session (its refresh tokens) lasts; it does not slide. */
  REFRESH_TTL_SEC: z.coerce.number().int().min(60).default(30 * 86_400),
  /** Longest wait of one (account, address) pair. */
  LOGIN_MAX_DELAY_SEC: z.coerce.number().int().min(1).default(900),
  /** The projects service: an account deletion hands over or deletes the user's projects there; the data export reads them. */
  PROJECTS_URL: z.string().url().default('http://127.0.0.1:3002'),
  /** How often an account deletion that a service did not complete is retried (the first retry is five seconds after start). */
  LIFECYCLE_SWEEP_SEC: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type UsersConfig = z.output<typeof usersConfigSchema>;

export function loadUsersConfig(env: NodeJS.ProcessEnv = process.env): UsersConfig {
  return loadConfig(usersConfigSchema, env);
}
