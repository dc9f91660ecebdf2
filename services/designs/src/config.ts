import { commonConfigShape, loadConfig } from '@architech/service-kit';
import { z } from 'zod';

/** The designs service's configuration (docs/configuration.md). */
export const designsConfigSchema = z.object({
  ...commonConfigShape,
  DESIGNS_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  /** Base URL of the projects service, asked for the caller's role in a project. */
  PROJECTS_URL: z.string().url().default('http://127.0.0.1:3002'),
  /** How long reads may reuse a confirmed membership; a removed member keeps read access at most this long. 0 turns it off. */
  MEMBERSHIP_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Megabytes of design graphs (as JSON text) kept in memory for reads; versions are immutable, so never stale. 0 turns it off. */
  DESIGN_GRAPH_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  /** Worker threads that read save bodies (parse, schema, graph rules) off the main thread. 0 reads them on the main thread. */
  DESIGN_SAVE_THREADS: z.coerce.number().int().min(0).max(8).default(1),
});

export type DesignsConfig = z.output<typeof designsConfigSchema>;

export function loadDesignsConfig(env: NodeJS.ProcessEnv = process.env): DesignsConfig {
  return loadConfig(designsConfigSchema, env);
}
