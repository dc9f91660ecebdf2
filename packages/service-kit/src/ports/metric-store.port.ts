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

/**
 * One metric of a simulation. `componentId` and `componentIds` both narrow the components; give
 * at most one of them (an adapter refuses both as `invalid_query`). Neither: every component.
 *
 * @example
 * ```ts
 * // One request for three charts' lines: the series of those that have points, by component id.
 * await store.query({ simulationId, metric: 'utilization', componentIds: ['api', 'db', 'cache'], maxPoints: 800 });
 * ```
 */
export interface MetricQuery {
  simulationId: string;
  metric: string;
  /** One component. */
  componentId?: string;
  /** Several components, sharing one downsampling grid; an id with no points is simply absent, an empty list matches nothing. */
  componentIds?: readonly string[];
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
  /**
   * Deletes every point of several simulations (retention, purge) in bounded steps: no step holds
   * the store for long, so writes and queries of other runs go on in between (the embedded
   * PGlite is one session for everyone). An id with no points is simply skipped.
   */
  deleteSimulations(simulationIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
