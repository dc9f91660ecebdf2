import { END_TO_END, MAX_METRIC_BATCH_POINTS, MAX_METRIC_BATCH_QUERIES, METRIC_NAMES, type MetricSeriesDto } from '@architech/contracts';
import type { SeriesQuery } from './chart-catalog';
import { batchQueries, groupForRequests, splitBatchAnswer, type MetricBatch } from './metric-batches';

const series = (componentId: string, metric = 'utilization'): MetricSeriesDto => ({ componentId, componentType: 'SERVICE', metric, points: [{ timeSec: 0, value: 1 }] });

describe('the batching of a dashboard’s metric queries', () => {
  it('asks once per metric for all of its listed components, in the order first asked', () => {
    const queries: SeriesQuery[] = [
      { metric: 'utilization', component: 'api' },
      { metric: 'latencyP50', component: END_TO_END },
      { metric: 'utilization', component: 'db' },
      { metric: 'latencyP50', component: 'api' },
    ];
    expect(batchQueries(queries).map((b) => [b.metric, b.components])).toEqual([
      ['utilization', ['api', 'db']],
      ['latencyP50', [END_TO_END, 'api']],
    ]);
  });

  it('keeps a query for every component as a request of its own', () => {
    const batches = batchQueries([{ metric: 'throughput' }, { metric: 'queueLength', component: 'api' }]);
    expect(batches.map((b) => [b.metric, b.components])).toEqual([
      ['throughput', undefined],
      ['queueLength', ['api']],
    ]);
  });

  it('splits a long component list into requests of at most the allowed length, each id once', () => {
    const queries: SeriesQuery[] = ['a', 'b', 'c', 'a', 'd', 'e'].map((component) => ({ metric: 'replicas', component }));
    const batches = batchQueries(queries, 2);
    expect(batches.map((b) => b.components)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(batches[0]!.queries).toHaveLength(3);
  });

  it('gives each query the answer it would have had alone', () => {
    const [batch] = batchQueries([{ metric: 'utilization', component: 'api' }, { metric: 'utilization', component: 'gone' }, { metric: 'utilization', component: 'db' }]);
    expect(splitBatchAnswer(batch!, [series('api'), series('db')])).toEqual([
      ['utilization|api', [series('api')]],
      ['utilization|gone', []],
      ['utilization|db', [series('db')]],
    ]);
    const [all] = batchQueries([{ metric: 'utilization' }]);
    expect(splitBatchAnswer(all!, [series('api'), series('db')])).toEqual([['utilization|*', [series('api'), series('db')]]]);
  });
});

describe('the requests of a dashboard', () => {
  const batches = (n: number): MetricBatch[] => Array.from({ length: n }, (_, i) => ({ metric: METRIC_NAMES[i % METRIC_NAMES.length]!, components: [`c${i}`], queries: [] }));

  it('sends every metric of a dashboard in one request', () => {
    const all = batchQueries(METRIC_NAMES.slice(0, 12).map((metric) => ({ metric, component: END_TO_END })));
    expect(groupForRequests(all, 450)).toEqual([all]);
  });

  it('splits only past the API’s limits: the number of queries, and queries × points', () => {
    expect(groupForRequests(batches(MAX_METRIC_BATCH_QUERIES + 3), 450).map((g) => g.length)).toEqual([MAX_METRIC_BATCH_QUERIES, 3]);
    const perRequest = MAX_METRIC_BATCH_POINTS / 10_000;
    expect(groupForRequests(batches(perRequest + 1), 10_000).map((g) => g.length)).toEqual([perRequest, 1]);
    expect(groupForRequests(batches(2), MAX_METRIC_BATCH_POINTS * 2).map((g) => g.length)).toEqual([1, 1]);
  });
});
