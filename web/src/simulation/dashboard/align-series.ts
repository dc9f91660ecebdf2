import type { MetricName, MetricSeriesDto } from '@architech/contracts';
import { queryKey } from './chart-catalog';

/** One series' points, simulated seconds. */
export type Points = readonly { readonly timeSec: number; readonly value: number }[];

/** Columns for a chart: shared x values (seconds), then one y column per series (null: no point there). */
export type Columns = [xs: number[], ...ys: (number | null)[][]];

/**
 * Joins series that may not share their time stamps (different queries, a series that started
 * later) on the union of their times; a series without a point at some time gets a gap there.
 * `scale[i]` multiplies the values of series i (e.g. 1 / bucket width to turn counts into rates).
 */
export function alignSeries(series: readonly (Points | undefined)[], scale: readonly number[] = []): Columns {
  const times = new Set<number>();
  for (const points of series) for (const p of points ?? []) times.add(p.timeSec);
  const xs = [...times].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((points, s) => {
    const column: (number | null)[] = new Array<number | null>(xs.length).fill(null);
    const factor = scale[s] ?? 1;
    for (const p of points ?? []) column[index.get(p.timeSec)!] = Number.isFinite(p.value) ? p.value * factor : null;
    return column;
  });
  return [xs, ...ys];
}

/**
 * The series of `metric` for `componentId` among the API's answers, whether it was asked for alone
 * or came with every component.
 */
export function findSeries(answers: ReadonlyMap<string, readonly MetricSeriesDto[]>, metric: MetricName, componentId: string): MetricSeriesDto | undefined {
  const alone = answers.get(queryKey({ metric, component: componentId }))?.find((s) => s.componentId === componentId);
  return alone ?? answers.get(queryKey({ metric }))?.find((s) => s.componentId === componentId);
}
