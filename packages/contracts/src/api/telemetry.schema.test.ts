import { MAX_METRIC_BATCH_POINTS, MAX_METRIC_BATCH_QUERIES, MAX_QUERIED_COMPONENTS, metricBatchSchema, metricQuerySchema } from './telemetry.schema';

describe('the metrics query', () => {
  it('takes one component or a comma-separated list of them', () => {
    expect(metricQuerySchema.parse({ metric: 'utilization', component: 'db' }).component).toEqual(['db']);
    expect(metricQuerySchema.parse({ metric: 'utilization', component: 'db,_end_to_end,web' }).component).toEqual(['db', '_end_to_end', 'web']);
  });

  it('refuses an empty item and an over-long list, naming the field', () => {
    const empty = metricQuerySchema.safeParse({ metric: 'utilization', component: 'a,,b' });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues[0]!.path).toEqual(['component', 1]);
    const many = Array.from({ length: MAX_QUERIED_COMPONENTS + 1 }, (_, i) => `c${i}`).join(',');
    const tooMany = metricQuerySchema.safeParse({ metric: 'utilization', component: many });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues[0]!.path).toEqual(['component']);
  });
});

describe('the metrics batch', () => {
  it('takes several queries over one window, each of listed components or of every component', () => {
    const batch = metricBatchSchema.parse({ queries: [{ metric: 'arrivals', component: ['_end_to_end'] }, { metric: 'utilization' }], from: 10, maxPoints: 450 });
    expect(batch).toEqual({ queries: [{ metric: 'arrivals', component: ['_end_to_end'] }, { metric: 'utilization' }], from: 10, maxPoints: 450 });
    expect(metricBatchSchema.parse({ queries: [{ metric: 'errors' }] }).maxPoints).toBe(1000);
  });

  it('refuses an unknown metric, an empty or over-long list, an unknown field, naming the field', () => {
    const path = (input: unknown) => metricBatchSchema.safeParse(input).error?.issues[0]?.path;
    expect(path({ queries: [{ metric: 'cpu' }] })).toEqual(['queries', 0, 'metric']);
    expect(path({ queries: [] })).toEqual(['queries']);
    expect(path({ queries: Array.from({ length: MAX_METRIC_BATCH_QUERIES + 1 }, () => ({ metric: 'errors' })), maxPoints: 1 })).toEqual(['queries']);
    expect(path({ queries: [{ metric: 'errors', component: [] }] })).toEqual(['queries', 0, 'component']);
    expect(path({ queries: [{ metric: 'errors', component: Array.from({ length: MAX_QUERIED_COMPONENTS + 1 }, (_, i) => `c${i}`) }] })).toEqual(['queries', 0, 'component']);
    expect(path({ queries: [{ metric: 'errors', componentId: 'a' }] })).toEqual(['queries', 0]);
    expect(path({ queries: [{ metric: 'errors' }], maxPoints: '10' })).toEqual(['maxPoints']);
  });

  it('refuses more points than a batch may carry, naming maxPoints and the limit', () => {
    const queries = Array.from({ length: 21 }, () => ({ metric: 'errors' as const }));
    const refused = metricBatchSchema.safeParse({ queries, maxPoints: 10_000 });
    expect(refused.error?.issues[0]).toMatchObject({ path: ['maxPoints'], message: expect.stringContaining(MAX_METRIC_BATCH_POINTS.toLocaleString('en-US')) });
    expect(metricBatchSchema.safeParse({ queries: queries.slice(0, 20), maxPoints: 10_000 }).success).toBe(true);
  });
});
