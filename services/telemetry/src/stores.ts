import { createMetricStore, InfluxV1MetricStore, PostgresTraceStore, type MetricStore, type TraceStore } from '@architech/service-kit';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { TelemetryConfig } from './config';

/** The pg pool behind a TypeORM data source, so the Postgres adapters share the service's connections. */
function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** The metric store the configuration asks for. */
export async function createConfiguredMetricStore(config: TelemetryConfig, dataSource: DataSource): Promise<MetricStore> {
  const store =
    config.METRIC_STORE === 'postgres'
      ? createMetricStore({ kind: 'postgres', pool: poolOf(dataSource), schema: 'telemetry' })
      : createMetricStore({ kind: 'influxdb-v1', url: config.INFLUX_URL as string, database: config.INFLUX_DATABASE, username: config.INFLUX_USERNAME, password: config.INFLUX_PASSWORD });
  if (store instanceof InfluxV1MetricStore) await store.ensureDatabase();
  return store;
}

/**
 * The trace and log store the configuration asks for. The search adapters are loaded only when
 * asked for (`@architech/service-kit/search`), so the Postgres default never loads their clients.
 */
export async function createConfiguredTraceStore(config: TelemetryConfig, dataSource: DataSource): Promise<TraceStore> {
  if (config.TRACE_STORE === 'postgres') return new PostgresTraceStore({ pool: poolOf(dataSource), schema: 'telemetry' });
  const { createTraceStore } = await import('@architech/service-kit/search');
  const indexPrefix = config.ELASTICSEARCH_INDEX_PREFIX;
  return config.TRACE_STORE === 'opensearch'
    ? createTraceStore({ kind: 'opensearch', node: config.OPENSEARCH_URL as string, indexPrefix })
    : createTraceStore({ kind: 'elasticsearch', node: config.ELASTICSEARCH_URL as string, indexPrefix });
}
