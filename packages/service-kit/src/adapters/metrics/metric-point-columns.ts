import type { MetricPoint } from '../../ports/metric-store.port';

/** Points as one array per `metric_points` column, the shape `unnest` takes them in. */
export interface MetricPointColumns {
  length: number;
  simulationIds: string[];
  componentIds: string[];
  componentTypes: string[];
  metrics: string[];
  timesSec: number[];
  values: number[];
}

/**
 * Points as columns with one row per identity (simulation, metric, component, time), holding the
 * last point with it, as a sequence of writes would leave it. Postgres needs that twice over:
 * ON CONFLICT DO UPDATE refuses to touch a row twice in one statement, and statements run in
 * parallel must not race on a row.
 */
export function distinctPointColumns(points: readonly MetricPoint[]): MetricPointColumns {
  const columns: MetricPointColumns = { length: 0, simulationIds: [], componentIds: [], componentTypes: [], metrics: [], timesSec: [], values: [] };
  const rowOf = new Map<string, number>();
  for (const point of points) {
    const key = `${point.simulationId}\0${point.metric}\0${point.componentId}\0${point.timeSec}`;
    const row = rowOf.get(key);
    if (row !== undefined) {
      columns.componentTypes[row] = point.componentType;
      columns.values[row] = point.value;
      continue;
    }
    rowOf.set(key, columns.length++);
    columns.simulationIds.push(point.simulationId);
    columns.componentIds.push(point.componentId);
    columns.componentTypes.push(point.componentType);
    columns.metrics.push(point.metric);
    columns.timesSec.push(point.timeSec);
    columns.values.push(point.value);
  }
  return columns;
}

/** Rows `[start, end)` as the parameters of the insert: `$1`…`$6` in the table's column order. */
export function columnParameters(columns: MetricPointColumns, start: number, end: number): unknown[] {
  const { simulationIds, componentIds, componentTypes, metrics, timesSec, values } = columns;
  return [simulationIds, componentIds, componentTypes, metrics, timesSec, values].map((column) => column.slice(start, end));
}
