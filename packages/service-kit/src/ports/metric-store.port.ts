import type { MetricSeriesDto } from '@architech/contracts';

/** One value of one metric of one component at one simulated time. */
export interface MetricPoint {
  simulationId: string;
  componentId: string;
  componentType: string;
  /** e.g. `throughput`, `latencyP99`, `utilization` (the engine's series names). */
  metric: string;
  /** Simulated time of the bucket start, seconds from the run's start. */
  timeSec: number;
  value: number;
}

export interface MetricQuery {
  simulationId: string;
  metric: string;
  /** Omitted: every component. */
  componentId?: string;
  fromSec?: number;
  toSec?: number;
  /** Downsample to at most this many points per series (mean per time bucket). */
  maxPoints?: number;
}

/** One series as queried: the API's shape. */
export type MetricSeries = MetricSeriesDto;

/**
 * The metric store port. Writes are idempotent: a point with the same (simulation, component,
 * metric, time) replaces the previous one, so a redelivered batch creates no duplicates.
 * Adapters: Postgres tables (embedded) and InfluxDB through its v1 HTTP API (distributed).
 */
export interface MetricStore {
  write(points: MetricPoint[]): Promise<void>;
  query(query: MetricQuery): Promise<MetricSeries[]>;
  deleteSimulation(simulationId: string): Promise<void>;
  close(): Promise<void>;
}
