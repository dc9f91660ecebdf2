import type { MetricPoint, MetricSeries } from '../../ports/metric-store.port';
import type { DownsamplingPlan, MatchedExtent } from './metric-query-rules';

/** Most points one stored chunk holds (two 8-byte columns: 160 KB at most). */
export const MAX_CHUNK_POINTS = 10_000;

/**
 * The points of one series (simulation, metric, component) written together, as one row of
 * `metric_chunks`: times and values as big-endian float64 arrays (the byte order of Postgres's
 * `float8send`, so SQL can build the same bytes), times ascending and distinct.
 */
export interface MetricChunk {
  simulationId: string;
  metric: string;
  componentId: string;
  componentType: string;
  times: Float64Array;
  values: Float64Array;
}

/** A float64 array as big-endian bytes. */
export function encodeFloats(values: Float64Array): Buffer {
  const bytes = Buffer.allocUnsafe(values.length * 8);
  for (let i = 0; i < values.length; i++) bytes.writeDoubleBE(values[i], i * 8);
  return bytes;
}

/** Big-endian bytes as a float64 array. */
export function decodeFloats(bytes: Uint8Array): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(bytes.byteLength / 8);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * 8, false);
  return values;
}

/**
 * A chunk's times as stored: evenly spaced times (the engine's buckets, the usual case) as two
 * float64s, the first time and the step — 16 bytes instead of 8 per point, so a read moves half
 * the bytes —, any other times as {@link encodeFloats}. {@link decodeTimes} tells them apart by
 * length against the point count.
 *
 * @example
 * ```ts
 * encodeTimes(Float64Array.of(10, 11, 12, 13)).length; // 16: [10, 1]
 * decodeTimes(encodeTimes(times), times.length); // times
 * ```
 */
export function encodeTimes(times: Float64Array): Buffer {
  if (times.length <= 2 || !evenlySpaced(times)) return encodeFloats(times);
  return encodeFloats(Float64Array.of(times[0], times[1] - times[0]));
}

/** The times of a chunk of `points` points stored by {@link encodeTimes} (or, before it, by {@link encodeFloats}). */
export function decodeTimes(bytes: Uint8Array, points: number): Float64Array {
  if (points <= 2 || bytes.byteLength === points * 8) return decodeFloats(bytes);
  const [first, step] = decodeFloats(bytes);
  const times = new Float64Array(points);
  for (let i = 0; i < points; i++) times[i] = first + i * step;
  return times;
}

/** Whether every time is exactly `first + i × step`, as {@link decodeTimes} recomputes it. */
function evenlySpaced(times: Float64Array): boolean {
  const first = times[0];
  const step = times[1] - first;
  for (let i = 2; i < times.length; i++) if (times[i] !== first + i * step) return false;
  return true;
}

/**
 * Points as chunks, one per series (several when a series has more than {@link MAX_CHUNK_POINTS}
 * points), each sorted by time. Of several points with one identity the last wins, as a sequence
 * of writes would leave it; a series' type is that of its last point.
 */
export function chunksOf(points: readonly MetricPoint[]): MetricChunk[] {
  const series = new Map<string, SeriesPoints>();
  for (const point of points) {
    const key = `${point.simulationId}\0${point.metric}\0${point.componentId}`;
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { head: point, type: point.componentType, times: [], values: [], ordered: true }));
    entry.type = point.componentType;
    // Points usually come in time order; only a series that does not is sorted and de-duplicated.
    if (entry.ordered && entry.times.length > 0 && point.timeSec <= entry.times[entry.times.length - 1]) entry.ordered = false;
    entry.times.push(point.timeSec);
    entry.values.push(point.value);
  }
  const chunks: MetricChunk[] = [];
  for (const entry of series.values()) {
    const [times, values] = entry.ordered ? [Float64Array.from(entry.times), Float64Array.from(entry.values)] : lastPerTime(entry);
    for (let start = 0; start < times.length; start += MAX_CHUNK_POINTS) {
      chunks.push({
        simulationId: entry.head.simulationId,
        metric: entry.head.metric,
        componentId: entry.head.componentId,
        componentType: entry.type,
        times: times.slice(start, start + MAX_CHUNK_POINTS),
        values: values.slice(start, start + MAX_CHUNK_POINTS),
      });
    }
  }
  return chunks;
}

/** The points of one series in one write, in arrival order. */
interface SeriesPoints {
  head: MetricPoint;
  type: string;
  times: number[];
  values: number[];
  ordered: boolean;
}

/** A series' points sorted by time, the last of several with one time kept. */
function lastPerTime(entry: SeriesPoints): [Float64Array, Float64Array] {
  const byTime = new Map<number, number>();
  entry.times.forEach((t, i) => byTime.set(t, entry.values[i]));
  const times = Float64Array.from(byTime.keys()).sort();
  return [times, times.map((t) => byTime.get(t)!)];
}

/** One stored chunk as read back, in the order it was written among its series' chunks. */
export interface StoredChunk {
  componentId: string;
  componentType: string;
  times: Float64Array;
  values: Float64Array;
}

/** One series merged from its chunks: times ascending, a later chunk's point replacing an earlier one's. */
export interface MergedSeries {
  componentId: string;
  componentType: string;
  times: Float64Array;
  values: Float64Array;
}

/**
 * Chunks (grouped by component, each component's in write order) as series, points within
 * `[fromSec, toSec]`; a component left with no point is absent. Chunks that follow each other in
 * time, the usual case (live windows, then a final series that replaces them whole), are
 * concatenated; overlapping ones are merged point by point, the later write winning.
 */
export function mergeChunks(chunks: readonly StoredChunk[], fromSec = -Infinity, toSec = Infinity): MergedSeries[] {
  const out: MergedSeries[] = [];
  for (let start = 0; start < chunks.length; ) {
    let end = start + 1;
    while (end < chunks.length && chunks[end].componentId === chunks[start].componentId) end++;
    const merged = mergeSeries(chunks.slice(start, end), fromSec, toSec);
    if (merged.times.length > 0) out.push(merged);
    start = end;
  }
  return out;
}

function mergeSeries(chunks: readonly StoredChunk[], fromSec: number, toSec: number): MergedSeries {
  if (followEachOther(chunks)) return concatenated(chunks, fromSec, toSec);
  const last = chunks[chunks.length - 1];
  const byValue = new Map<number, number>();
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.times.length; i++) {
      const t = chunk.times[i];
      if (t >= fromSec && t <= toSec) byValue.set(t, chunk.values[i]);
    }
  }
  const times = Float64Array.from(byValue.keys()).sort();
  return { componentId: last.componentId, componentType: last.componentType, times, values: times.map((t) => byValue.get(t)!) };
}

/** Whether each chunk starts after the one written before it ends. */
function followEachOther(chunks: readonly StoredChunk[]): boolean {
  for (let i = 1; i < chunks.length; i++) {
    const before = chunks[i - 1].times;
    if (chunks[i].times[0] <= before[before.length - 1]) return false;
  }
  return true;
}

/** Chunks that follow each other, joined, points outside `[fromSec, toSec]` left out. */
function concatenated(chunks: readonly StoredChunk[], fromSec: number, toSec: number): MergedSeries {
  let length = 0;
  for (const chunk of chunks) length += chunk.times.length;
  const times = new Float64Array(length);
  const values = new Float64Array(length);
  let n = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.times.length; i++) {
      const t = chunk.times[i];
      if (t < fromSec || t > toSec) continue;
      times[n] = t;
      values[n++] = chunk.values[i];
    }
  }
  const last = chunks[chunks.length - 1];
  return { componentId: last.componentId, componentType: last.componentType, times: times.subarray(0, n), values: values.subarray(0, n) };
}

/** The extent {@link planDownsampling} needs, over merged series (none: `null`). */
export function extentOf(series: readonly MergedSeries[]): MatchedExtent | null {
  if (series.length === 0) return null;
  let firstSec = Infinity;
  let lastSec = -Infinity;
  let largestSeries = 0;
  for (const s of series) {
    firstSec = Math.min(firstSec, s.times[0]);
    lastSec = Math.max(lastSec, s.times[s.times.length - 1]);
    largestSeries = Math.max(largestSeries, s.times.length);
  }
  return { firstSec, lastSec, largestSeries };
}

/** A merged series as the API's shape, raw or as the mean of each of the plan's buckets. */
export function toMetricSeries(series: MergedSeries, metric: string, plan: DownsamplingPlan | null): MetricSeries {
  const { componentId, componentType, times, values } = series;
  const points: { timeSec: number; value: number }[] = [];
  if (!plan) {
    for (let i = 0; i < times.length; i++) points.push({ timeSec: times[i], value: values[i] });
    return { componentId, componentType, metric, points };
  }
  const { originSec, bucketSec, lastSec } = plan;
  let bucket = Number.NaN;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < originSec || times[i] > lastSec) continue;
    const k = Math.floor((times[i] - originSec) / bucketSec);
    if (k !== bucket) {
      if (count > 0) points.push({ timeSec: originSec + bucket * bucketSec, value: sum / count });
      bucket = k;
      sum = 0;
      count = 0;
    }
    sum += values[i];
    count++;
  }
  if (count > 0) points.push({ timeSec: originSec + bucket * bucketSec, value: sum / count });
  return { componentId, componentType, metric, points };
}
