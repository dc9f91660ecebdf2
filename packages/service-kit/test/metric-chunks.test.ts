import { chunksOf, decodeFloats, decodeTimes, encodeFloats, encodeTimes, MAX_CHUNK_POINTS, mergeChunks, toMetricSeries, type StoredChunk } from '../src/adapters/metrics/metric-chunks';
import type { MetricPoint } from '../src/ports/metric-store.port';

const point = (componentId: string, timeSec: number, value: number, more: Partial<MetricPoint> = {}): MetricPoint => ({
  simulationId: 'sim',
  componentId,
  componentType: 'SERVICE',
  metric: 'throughput',
  timeSec,
  value,
  ...more,
});
const chunk = (componentId: string, times: number[], values: number[], componentType = 'SERVICE'): StoredChunk => ({
  componentId,
  componentType,
  times: Float64Array.from(times),
  values: Float64Array.from(values),
});

describe('metric chunks', () => {
  it('encode floats as big-endian float64, the bytes of Postgres float8send', () => {
    const values = Float64Array.from([1, -0.1, 1e300, -Infinity, 5e-324]);
    const bytes = encodeFloats(values);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('3ff0000000000000');
    expect(Array.from(decodeFloats(bytes))).toEqual(Array.from(values));
    // A view into a larger buffer decodes from its own offset.
    expect(Array.from(decodeFloats(Buffer.concat([Buffer.alloc(3), bytes]).subarray(3)))).toEqual(Array.from(values));
  });

  it('store evenly spaced times as their first and step, others (and two or fewer) point by point', () => {
    const even = Float64Array.from({ length: 225 }, (_, i) => 1800 + i * 2);
    expect(encodeTimes(even)).toHaveLength(16);
    expect(Array.from(decodeTimes(encodeTimes(even), even.length))).toEqual(Array.from(even));
    const fractional = Float64Array.from({ length: 50 }, (_, i) => 0.25 + i * 0.5);
    expect(Array.from(decodeTimes(encodeTimes(fractional), fractional.length))).toEqual(Array.from(fractional));
    for (const times of [Float64Array.of(0, 1, 3), Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(5, 9), Float64Array.of(7)]) {
      expect(encodeTimes(times)).toEqual(encodeFloats(times));
      expect(Array.from(decodeTimes(encodeTimes(times), times.length))).toEqual(Array.from(times));
    }
  });

  it('group points by series, sorted by time, the last point of an identity winning', () => {
    const chunks = chunksOf([point('web', 2, 20), point('db', 0, 1), point('web', 0, 0), point('web', 2, 21, { componentType: 'EDGE' }), point('web', 0, 1, { metric: 'errors' })]);
    expect(chunks.map((c) => [c.componentId, c.metric, c.componentType, Array.from(c.times), Array.from(c.values)])).toEqual([
      ['web', 'throughput', 'EDGE', [0, 2], [0, 21]],
      ['db', 'throughput', 'SERVICE', [0], [1]],
      ['web', 'errors', 'SERVICE', [0], [1]],
    ]);
  });

  it('split a series longer than a chunk holds into consecutive chunks', () => {
    const points = Array.from({ length: MAX_CHUNK_POINTS + 5 }, (_, t) => point('web', MAX_CHUNK_POINTS + 4 - t, t));
    const chunks = chunksOf(points);
    expect(chunks.map((c) => [c.times.length, c.times[0], c.times[c.times.length - 1]])).toEqual([
      [MAX_CHUNK_POINTS, 0, MAX_CHUNK_POINTS - 1],
      [5, MAX_CHUNK_POINTS, MAX_CHUNK_POINTS + 4],
    ]);
  });

  it('join chunks that follow each other and merge overlapping ones, the later write winning', () => {
    const live = [chunk('api', [0, 1], [1, 1]), chunk('api', [2, 3], [1, 1])];
    const final = chunk('api', [0, 1, 2], [5, 5, 5], 'SERVICE2');
    expect(mergeChunks(live).map((s) => [Array.from(s.times), Array.from(s.values)])).toEqual([[[0, 1, 2, 3], [1, 1, 1, 1]]]);
    const [merged] = mergeChunks([...live, final]);
    expect([merged.componentType, Array.from(merged.times), Array.from(merged.values)]).toEqual(['SERVICE2', [0, 1, 2, 3], [5, 5, 5, 1]]);
  });

  it('keep points within the time range only, leaving out a series with none', () => {
    const series = mergeChunks([chunk('a', [0, 1, 2, 3], [0, 1, 2, 3]), chunk('b', [0], [7]), chunk('c', [0, 1], [0, 1]), chunk('c', [1, 2], [9, 9])], 1, 2);
    expect(series.map((s) => [s.componentId, Array.from(s.times), Array.from(s.values)])).toEqual([
      ['a', [1, 2], [1, 2]],
      ['c', [1, 2], [9, 9]],
    ]);
  });

  it('average points into the plan’s buckets, dropping points outside it', () => {
    const [series] = mergeChunks([chunk('a', [0, 1, 2, 3, 4, 5, 9], [0, 1, 2, 3, 4, 5, 9])]);
    expect(toMetricSeries(series, 'm', { originSec: 1, lastSec: 5, bucketSec: 2 }).points).toEqual([
      { timeSec: 1, value: 1.5 },
      { timeSec: 3, value: 3.5 },
      { timeSec: 5, value: 5 },
    ]);
    expect(toMetricSeries(series, 'm', null).points).toHaveLength(7);
  });
});
