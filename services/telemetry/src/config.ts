import { commonConfigShape, loadConfig } from '@architech/service-kit';
import { z } from 'zod';

/** The telemetry service's configuration (docs/configuration.md). */
export const telemetryConfigSchema = z.object({
  ...commonConfigShape,
  TELEMETRY_PORT: z.coerce.number().int().min(0).max(65535).default(3005),
  /**
   * A database of telemetry's own (its `telemetry` schema: metric points, traces, logs); unset →
   * DATABASE_URL's. The embedded start sets it to a PGlite instance of its own, so ingestion never
   * holds the session the interactive services share.
   */
  TELEMETRY_DATABASE_URL: z.string().url().optional(),
  /**
   * Nice value (Linux) of the ingestion thread that decodes and writes batches to Postgres-backed
   * stores: below the API's event loop on a contended core, every idle core in full otherwise.
   */
  TELEMETRY_INGESTION_NICE: z.coerce.number().int().min(0).max(19).default(5),
  SIMULATIONS_URL: z.string().url().default('http://127.0.0.1:3004'),
  PROJECTS_URL: z.string().url().default('http://127.0.0.1:3002'),
  BUS: z.enum(['in-process', 'kafka']).default('in-process'),
  KAFKA_BROKERS: z.string().optional(),
  /** Where metrics go: Postgres tables (embedded) or InfluxDB's v1 HTTP API. */
  METRIC_STORE: z.enum(['postgres', 'influxdb']).default('postgres'),
  INFLUX_URL: z.string().url().optional(),
  INFLUX_DATABASE: z.string().default('architech'),
  INFLUX_USERNAME: z.string().optional(),
  INFLUX_PASSWORD: z.string().optional(),
  /** Where traces and logs go: Postgres tables (embedded), Elasticsearch or OpenSearch. */
  TRACE_STORE: z.enum(['postgres', 'elasticsearch', 'opensearch']).default('postgres'),
  ELASTICSEARCH_URL: z.string().url().optional(),
  OPENSEARCH_URL: z.string().url().optional(),
  /** Index prefix on Elasticsearch or OpenSearch. */
  ELASTICSEARCH_INDEX_PREFIX: z.string().default('architech'),
  /**
   * Days a finished run's series, traces and logs are kept (docs/data-lifecycle.md); 0 keeps
   * them forever. Summaries and check evidence are the simulations service's and always kept.
   */
  RETENTION_TELEMETRY_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** How often the retention job looks for runs whose telemetry is due. */
  LIFECYCLE_SWEEP_SEC: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type TelemetryConfig = z.output<typeof telemetryConfigSchema>;

export function loadTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const config = loadConfig(telemetryConfigSchema, env);
  if (config.METRIC_STORE === 'influxdb' && !config.INFLUX_URL) throw new Error('invalid configuration:\n  - INFLUX_URL: required when METRIC_STORE=influxdb');
  if (config.TRACE_STORE === 'elasticsearch' && !config.ELASTICSEARCH_URL) throw new Error('invalid configuration:\n  - ELASTICSEARCH_URL: required when TRACE_STORE=elasticsearch');
  if (config.TRACE_STORE === 'opensearch' && !config.OPENSEARCH_URL) throw new Error('invalid configuration:\n  - OPENSEARCH_URL: required when TRACE_STORE=opensearch');
  return config;
}
