import { describe, expect, it } from '@jest/globals';
import type { MetricSeriesDto } from '@architech/contracts';
import { bucketAt, buildReplaySeries, endToEndErrorRate, interpolateAt, mergeSeries, REPLAY_METRICS, type SeriesByMetric } from './replay-series';

const series = (componentId: string, metric: string, values: readonly (number | undefined)[], bucketSec = 1): MetricSeriesDto => ({
  componentId,
  componentType: 'SERVICE',
  metric,
  points: values.flatMap((value, i) => (value === undefined ? [] : [{ timeSec: i * bucketSec, value }])),
});

const empty = (): Record<string, MetricSeriesDto[]> => Object.fromEntries(REPLAY_METRICS.map((m) => [m, []]));

describe('the replay series', () => {
  it('lays every component out row-major, one cell per bucket, counts turned into rates', () => {
    const byMetric = empty();
    byMetric.arrivals = [series('b', 'arrivals', [4, 6, 8], 2), series('a', 'arrivals', [2, 2, 2], 2)];
    byMetric.utilization = [series('a', 'utilization', [0.1, 0.5, 0.9], 2)];
    const s = buildReplaySeries({ bucketSec: 2, durationSec: 6, componentIds: ['a', 'b'], byMetric: byMetric as unknown as SeriesByMetric });
    expect(s.buckets).toBe(3);
    expect(Array.from(s.arrivalsPerSec)).toEqual([1, 1, 1, 2, 3, 4]);
    expect(Array.from(s.utilization)).toEqual([0.1, 0.5, 0.9, 0, 0, 0].map(Math.fround));
  });

  it('computes the error rate of each bucket over what finished in it', () => {
    const byMetric = empty();
    byMetric.completions = [series('a', 'completions', [9, 0, 0])];
    byMetric.errors = [series('a', 'errors', [1, 5, 0])];
    const s = buildReplaySeries({ bucketSec: 1, durationSec: 3, componentIds: ['a'], byMetric: byMetric as unknown as SeriesByMetric });
    expect(Array.from(s.errorRate)).toEqual([Math.fround(0.1), 1, 0]);
  });

  it('holds replicas and breaker states over buckets that have no point, and ignores unknown ids', () => {
    const byMetric = empty();
    byMetric.replicas = [series('a', 'replicas', [2, undefined, undefined, 5]), series('_end_to_end', 'replicas', [0, 0, 0, 0])];
    byMetric.breakerState = [series('a', 'breakerState', [undefined, 2, undefined, 0])];
    const s = buildReplaySeries({ bucketSec: 1, durationSec: 4, componentIds: ['a'], byMetric: byMetric as unknown as SeriesByMetric });
    expect(Array.from(s.replicas)).toEqual([2, 2, 2, 5]);
    expect(Array.from(s.breakerState)).toEqual([0, 2, 2, 0]);
  });

  it('counts per engine bucket when the API downsampled to wider buckets', () => {
    const byMetric = empty();
    byMetric.arrivals = [series('a', 'arrivals', [10, 20], 4)];
    const s = buildReplaySeries({ bucketSec: 4, countBucketSec: 1, durationSec: 8, componentIds: ['a'], byMetric: byMetric as unknown as SeriesByMetric });
    expect(Array.from(s.arrivalsPerSec)).toEqual([10, 20]);
  });

  it('reads 0 for a metric not loaded yet, and says which are', () => {
    const s = buildReplaySeries({ bucketSec: 1, durationSec: 2, componentIds: ['a'], byMetric: { utilization: [series('a', 'utilization', [0.5, 0.5])] } });
    expect(Array.from(s.breakerState)).toEqual([0, 0]);
    expect([...s.loaded]).toEqual(['utilization']);
  });

  it('gives the end-to-end error rate per bucket', () => {
    const rate = endToEndErrorRate([series('_end_to_end', 'errors', [1, 0])], [series('_end_to_end', 'completions', [3, 0])], '_end_to_end', 2, 1);
    expect(Array.from(rate)).toEqual([0.25, 0]);
  });
});

describe('reading a series at a simulated time', () => {
  const values = Float32Array.from([0, 10, 20, /* row 1 */ 5, 5, 5]);

  it('interpolates between bucket centres', () => {
    expect(interpolateAt(values, 0, 3, 1, 1.5)).toBe(10);
    expect(interpolateAt(values, 0, 3, 1, 1.75)).toBeCloseTo(12.5);
    expect(interpolateAt(values, 1, 3, 1, 2)).toBe(5);
  });

  it('holds the edge buckets before the first centre and after the last', () => {
    expect(interpolateAt(values, 0, 3, 1, 0)).toBe(0);
    expect(interpolateAt(values, 0, 3, 1, 99)).toBe(20);
  });

  it('finds the bucket holding a time, clamped to the run', () => {
    expect(bucketAt(3, 2, 3.9)).toBe(1);
    expect(bucketAt(3, 2, -1)).toBe(0);
    expect(bucketAt(3, 2, 600)).toBe(2);
  });
});

describe('merging series loaded in two steps', () => {
  it('keeps the first step’s metrics and adds the second’s', () => {
    const byMetric = (metric: string, values: number[]) => ({ [metric]: [series('a', metric, values)] });
    const first = buildReplaySeries({ bucketSec: 1, durationSec: 2, componentIds: ['a'], byMetric: byMetric('utilization', [0.5, 0.25]) });
    const later = buildReplaySeries({ bucketSec: 1, durationSec: 2, componentIds: ['a'], byMetric: byMetric('breakerState', [2, 0]) });
    const merged = mergeSeries(first, later);
    expect(Array.from(merged.utilization)).toEqual([0.5, 0.25]);
    expect(Array.from(merged.breakerState)).toEqual([2, 0]);
    expect([...merged.loaded].sort()).toEqual(['breakerState', 'utilization']);
  });
});
