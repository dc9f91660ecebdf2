import type { MetricQuery, MetricSeries } from '../../ports/metric-store.port';
import { MetricStoreError } from './metric-store-error';

/** What a query matched, measured before reading points, to decide whether to downsample. */
export interface MatchedExtent {
  /** Earliest and latest matching point over every matching series. */
  firstSec: number;
  lastSec: number;
  /** Points in the largest matching series. */
  largestSeries: number;
}

/**
 * Equal time buckets `[originSec + k·bucketSec, originSec + (k+1)·bucketSec)` over the matched
 * extent, averaged. Queries bound time to `[originSec, lastSec]` too, so points written since the
 * extent was measured cannot add buckets beyond maxPoints.
 */
export interface DownsamplingPlan {
  originSec: number;
  lastSec: number;
  bucketSec: number;
}

/**
 * Refuses a query no adapter can answer sensibly: `maxPoints` must be a positive integer, and
 * `componentId` and `componentIds` exclude each other.
 */
export function checkMetricQuery(query: MetricQuery): void {
  if (query.componentId !== undefined && query.componentIds !== undefined) {
    throw new MetricStoreError('invalid_query', `give componentId or componentIds, not both (simulation ${query.simulationId}, metric ${query.metric})`, { query });
  }
  if (query.maxPoints !== undefined && !(Number.isInteger(query.maxPoints) && query.maxPoints >= 1)) {
    throw new MetricStoreError('invalid_query', `maxPoints must be a positive integer, got ${query.maxPoints} (simulation ${query.simulationId}, metric ${query.metric})`, { query });
  }
}

/** The components a query narrows to, one or several, or `undefined` for every component. */
export function queriedComponents(query: MetricQuery): readonly string[] | undefined {
  return query.componentIds ?? (query.componentId === undefined ? undefined : [query.componentId]);
}

/**
 * How to downsample, or `null` for raw points: only when some series has more than `maxPoints`.
 * Every series of one query shares the same buckets (aligned on the earliest point) so a chart
 * of several components lines up. The width is whole seconds (the engine's series are 1-second
 * buckets) and strictly wider than range / maxPoints: with `ceil(range / maxPoints)` a range that
 * is a multiple of maxPoints, like 0…100 s into 10, would need 11 buckets because both ends count.
 */
export function planDownsampling(extent: MatchedExtent, maxPoints: number | undefined): DownsamplingPlan | null {
  if (maxPoints === undefined || extent.largestSeries <= maxPoints) return null;
  const rangeSec = extent.lastSec - extent.firstSec;
  return { originSec: extent.firstSec, lastSec: extent.lastSec, bucketSec: Math.floor(rangeSec / maxPoints) + 1 };
}

/**
 * Series in one order for every adapter: by component id in UTF-16 code-unit order, which is
 * neither Postgres's collation nor InfluxDB's byte order, but is the same everywhere.
 */
export function orderSeries(series: MetricSeries[]): MetricSeries[] {
  return series.sort((a, b) => (a.componentId < b.componentId ? -1 : a.componentId > b.componentId ? 1 : 0));
}
