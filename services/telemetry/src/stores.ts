import {
  ElasticsearchTraceStore,
  InfluxV1MetricStore,
  OpenSearchTraceStore,
  PostgresMetricStore,
  PostgresTraceStore,
  type MetricStore,
  type TraceStore,
} from '@architech/service-kit';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { TelemetryConfig } from './config';

/** The pg pool behind a TypeORM data source, so the Postgres adapters share the service's connections. */
function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** The metric store the configuration asks for. */
export async function createConfiguredMetricStore(config: TelemetryConfig, dataSource: DataSource): Promise<MetricStore> {
  if (config.METRIC_STORE === 'postgres') return new PostgresMetricStore({ pool: poolOf(dataSource), schema: 'telemetry' });
  const store = new InfluxV1MetricStore({ url: config.INFLUX_URL as string, database: config.INFLUX_DATABASE, username: config.INFLUX_USERNAME, password: config.INFLUX_PASSWORD });
  await store.ensureDatabase();
  return store;
}

/** The trace and log store the configuration asks for. */
export async function createConfiguredTraceStore(config: TelemetryConfig, dataSource: DataSource): Promise<TraceStore> {
  if (config.TRACE_STORE === 'postgres') return new PostgresTraceStore({ pool: poolOf(dataSource), schema: 'telemetry' });
  const store =
    config.TRACE_STORE === 'opensearch'
      ? new OpenSearchTraceStore({ node: config.OPENSEARCH_URL as string, indexPrefix: config.ELASTICSEARCH_INDEX_PREFIX })
      : new ElasticsearchTraceStore({ node: config.ELASTICSEARCH_URL as string, indexPrefix: config.ELASTICSEARCH_INDEX_PREFIX });
  await store.ensureTemplates();
  return store;
}
