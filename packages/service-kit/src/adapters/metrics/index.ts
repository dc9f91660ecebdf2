export * from './metric-store-error';
export * from './metric-points.migration';
export * from './metric-chunks.migration';
export * from './postgres-metric-store';
export * from './influx-v1-metric-store';
export type { InfluxV1Connection } from './influx-v1-http';
export * from './create-metric-store';
