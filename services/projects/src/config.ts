import { commonConfigShape, loadConfig } from '@architech/service-kit';
import { z } from 'zod';

/** The projects service's configuration (docs/configuration.md). */
export const projectsConfigSchema = z.object({
  ...commonConfigShape,
  PROJECTS_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** The users service, for member emails and names. */
  USERS_URL: z.string().url().default('http://127.0.0.1:3001'),
  /** The designs service, whose audit events the project audit trail merges in. */
  DESIGNS_URL: z.string().url().default('http://127.0.0.1:3003'),
  /**
   * The simulations service: a purged project's runs, check runs and (through it) telemetry are
   * deleted there, and the project audit trail merges in its audit events (share links,
   * docs/sharing.md). Empty: a topology without simulations (its trail has no simulation events;
   * a purge fails and is retried until it is set).
   */
  SIMULATIONS_URL: z.union([z.literal(''), z.string().url()]).default(''),
  /** Days a deleted project stays in the trash, restorable by an owner, before the purge deletes it for good. */
  PROJECT_TRASH_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often the purge looks for projects past their time in the trash. */
  LIFECYCLE_SWEEP_SEC: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type ProjectsConfig = z.output<typeof projectsConfigSchema>;

export function loadProjectsConfig(env: NodeJS.ProcessEnv = process.env): ProjectsConfig {
  return loadConfig(projectsConfigSchema, env);
}
