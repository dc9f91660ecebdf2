import type { Pool } from 'pg';
import { createMetricStore } from '../src/adapters/metrics/create-metric-store';
import { InfluxV1MetricStore } from '../src/adapters/metrics/influx-v1-metric-store';
import { PostgresMetricStore } from '../src/adapters/metrics/postgres-metric-store';

describe('choosing a metric store', () => {
  it('gives Postgres tables for `postgres` and InfluxDB for `influxdb-v1`', () => {
    expect(createMetricStore({ kind: 'postgres', pool: {} as Pool, schema: 'telemetry' })).toBeInstanceOf(PostgresMetricStore);
    expect(createMetricStore({ kind: 'influxdb-v1', url: 'http://127.0.0.1:8086', database: 'architech' })).toBeInstanceOf(InfluxV1MetricStore);
  });
});
