import { MAX_QUERIED_COMPONENTS, metricQuerySchema } from './telemetry.schema';

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
