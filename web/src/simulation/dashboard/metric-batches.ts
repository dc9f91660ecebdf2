import { MAX_METRIC_BATCH_POINTS, MAX_METRIC_BATCH_QUERIES, MAX_QUERIED_COMPONENTS, type MetricName, type MetricSeriesDto } from '@architech/contracts';
import { queryKey, type SeriesQuery } from './chart-catalog';

/** One request to the metrics API: one metric of several listed components, or of every component. */
export interface MetricBatch {
  readonly metric: MetricName;
  /** The listed components, no id twice; undefined: every component. */
  readonly components?: readonly string[];
  /** The dashboard's queries this request answers. */
  readonly queries: readonly SeriesQuery[];
}

/**
 * The requests that answer `queries`, all for one time window: the single-component queries of a
 * metric go together in one request (in chunks of `maxComponents`), since each request costs the
 * store its own scans whatever it returns; a query for every component stays a request of its own.
 *
 * @example
 * ```ts
 * batchQueries([{ metric: 'utilization', component: 'api' }, { metric: 'utilization', component: 'db' }]);
 * // [{ metric: 'utilization', components: ['api', 'db'], queries: [...both] }]
 * ```
 */
export function batchQueries(queries: readonly SeriesQuery[], maxComponents = MAX_QUERIED_COMPONENTS): MetricBatch[] {
  const batches: MetricBatch[] = [];
  const listed = new Map<MetricName, SeriesQuery[]>();
  for (const query of queries) {
    if (query.component === undefined) {
      batches.push({ metric: query.metric, queries: [query] });
      continue;
    }
    let same = listed.get(query.metric);
    if (!same) listed.set(query.metric, (same = []));
    same.push(query);
  }
  for (const [metric, same] of listed) {
    const components = [...new Set(same.map((q) => q.component!))];
    for (let start = 0; start < components.length; start += maxComponents) {
      const chunk = components.slice(start, start + maxComponents);
      const members = new Set(chunk);
      batches.push({ metric, components: chunk, queries: same.filter((q) => members.has(q.component!)) });
    }
  }
  return batches;
}

/**
 * A batch's answer split back per query, keyed by {@link queryKey}, as if each query had been
 * asked alone: a listed component gets its own series (none if it has no points), a query for
 * every component gets them all.
 */
export function splitBatchAnswer(batch: MetricBatch, series: readonly MetricSeriesDto[]): [string, readonly MetricSeriesDto[]][] {
  return batch.queries.map((query) => [queryKey(query), query.component === undefined ? series : series.filter((s) => s.componentId === query.component)]);
}

/**
 * The batches as few `POST …/metrics/batch` requests as the API's limits allow — usually one for
 * a whole dashboard: at most {@link MAX_METRIC_BATCH_QUERIES} batches each, and no more than
 * {@link MAX_METRIC_BATCH_POINTS} points (`batches × maxPoints`).
 *
 * @example
 * ```ts
 * groupForRequests(batchQueries(plan.queries), 450); // [[...every batch]]
 * ```
 */
export function groupForRequests(batches: readonly MetricBatch[], maxPoints: number): MetricBatch[][] {
  const perRequest = Math.max(1, Math.min(MAX_METRIC_BATCH_QUERIES, Math.floor(MAX_METRIC_BATCH_POINTS / maxPoints)));
  const groups: MetricBatch[][] = [];
  for (let start = 0; start < batches.length; start += perRequest) groups.push(batches.slice(start, start + perRequest));
  return groups;
}
