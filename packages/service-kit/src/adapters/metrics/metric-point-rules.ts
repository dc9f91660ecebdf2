import type { MetricPoint } from '../../ports/metric-store.port';
import { MetricStoreError } from './metric-store-error';

/**
 * The points of a batch that both adapters store, after the checks both apply, so the embedded
 * and the distributed store keep the same data:
 * - identifiers must be non-empty (InfluxDB drops an empty tag, which would merge series) and the
 *   time finite, or the whole batch is refused with `invalid_point` (a producer bug: retrying
 *   cannot fix it, and storing part of it would hide it);
 * - a non-finite value (an engine's "no sample in this bucket") is skipped: InfluxDB cannot store
 *   NaN or Infinity, and a gap is what a chart should show.
 */
export function storablePoints(points: readonly MetricPoint[]): MetricPoint[] {
  const storable: MetricPoint[] = [];
  for (const point of points) {
    for (const key of ['simulationId', 'componentId', 'componentType', 'metric'] as const) {
      if (typeof point[key] !== 'string' || point[key] === '') {
        throw new MetricStoreError('invalid_point', `Metric point has an empty ${key} (simulation ${point.simulationId}, component ${point.componentId}, metric ${point.metric})`, { point });
      }
    }
    if (!Number.isFinite(point.timeSec)) {
      throw new MetricStoreError('invalid_point', `Metric point has a non-finite timeSec ${point.timeSec} (simulation ${point.simulationId}, component ${point.componentId}, metric ${point.metric})`, { point });
    }
    if (Number.isFinite(point.value)) storable.push(point);
  }
  return storable;
}
