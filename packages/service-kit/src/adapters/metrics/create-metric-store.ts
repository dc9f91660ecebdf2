import type { MetricStore } from '../../ports/metric-store.port';
import { InfluxV1MetricStore, type InfluxV1MetricStoreOptions } from './influx-v1-metric-store';
import { PostgresMetricStore, type PostgresMetricStoreOptions } from './postgres-metric-store';

/** Which metric store a service uses (docs/architecture.md §3): Postgres tables by default, InfluxDB when distributed. */
export type MetricStoreConfig = ({ kind: 'postgres' } & PostgresMetricStoreOptions) | ({ kind: 'influxdb-v1' } & InfluxV1MetricStoreOptions);

/**
 * The metric store for a configuration. It creates nothing remote: run
 * {@link metricPointsMigration} then {@link metricChunksMigration} with the service's migrations, or
 * {@link InfluxV1MetricStore.ensureDatabase} at start-up.
 *
 * @example
 * ```ts
 * const store = config.influxUrl
 *   ? createMetricStore({ kind: 'influxdb-v1', url: config.influxUrl, database: 'architech' })
 *   : createMetricStore({ kind: 'postgres', pool, schema: 'telemetry' });
 * ```
 */
export function createMetricStore(config: MetricStoreConfig): MetricStore {
  return config.kind === 'postgres' ? new PostgresMetricStore(config) : new InfluxV1MetricStore(config);
}
