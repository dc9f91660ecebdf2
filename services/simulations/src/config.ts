import { commonConfigShape, loadConfig } from '@architech/service-kit';
import { z } from 'zod';

/** The simulations service's configuration (docs/configuration.md). */
export const simulationsConfigSchema = z.object({
  ...commonConfigShape,
  SIMULATIONS_PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  PROJECTS_URL: z.string().url().default('http://127.0.0.1:3002'),
  DESIGNS_URL: z.string().url().default('http://127.0.0.1:3003'),
  /** Engine worker threads per instance (each runs one simulation at a time). */
  SIM_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** Nice value of the engine threads (Linux): 0 normal … 19 lowest. Engines yield contended cores to the API. */
  SIM_ENGINE_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Heap limit of each engine thread; a run that needs more fails instead of taking the service down. */
  SIM_WORKER_MEMORY_MB: z.coerce.number().int().min(16).max(16_384).default(1024),
  /** Longest simulated duration a user may ask for. */
  SIM_MAX_DURATION_SEC: z.coerce.number().positive().max(86_400).default(3600),
  /** Events budget of one simulation (all replications). */
  SIM_MAX_EVENTS: z.coerce.number().int().positive().default(200_000_000),
  /** Simulations a user may have PENDING or RUNNING at once. */
  SIM_MAX_ACTIVE_PER_USER: z.coerce.number().int().min(1).default(3),
  /** Engine wall-clock time one run may take; beyond it the run is FAILED with the reason. 0: no limit. */
  SIM_MAX_WALL_SEC: z.coerce.number().int().min(0).default(900),
  /** A RUNNING simulation whose worker has not reported for this long is failed (its worker is gone). */
  SIM_HEARTBEAT_TIMEOUT_SEC: z.coerce.number().int().min(5).default(30),
  /** The telemetry service, read for a run report's charts and traces. */
  TELEMETRY_URL: z.string().url().default('http://127.0.0.1:3005'),
  /** Headless Chromium that renders PDF reports (docs/reports.md); where it is missing, PDF reports are refused with the reason. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Longest a PDF rendering may take before the deliverable fails. */
  REPORT_PDF_TIMEOUT_SEC: z.coerce.number().int().min(5).max(600).default(60),
  /** Days a generated report (deliverable) is kept before its content is deleted (docs/data-lifecycle.md); 0 keeps them. */
  RETENTION_REPORTS_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** How often the report retention job looks for deliverables past their expiry. */
  LIFECYCLE_SWEEP_SEC: z.coerce.number().int().min(1).max(86_400).default(3600),
  BUS: z.enum(['in-process', 'kafka']).default('in-process'),
  KAFKA_BROKERS: z.string().optional(),
});

export type SimulationsConfig = z.output<typeof simulationsConfigSchema>;

export function loadSimulationsConfig(env: NodeJS.ProcessEnv = process.env): SimulationsConfig {
  return loadConfig(simulationsConfigSchema, env);
}
