import { describe, expect, it } from '@jest/globals';
import { pickSample, traceSampleQuerySchema, type TraceSummaryDto } from './telemetry.schema';

const summaries = (count: number, status: 'OK' | 'ERROR', offset = 0): TraceSummaryDto[] =>
  Array.from({ length: count }, (_, i) => ({ traceId: `${status}${i}`, rootComponentId: 'web', startMs: (i + offset) * 1000, durationMs: 5, status, reason: 'sampled', spanCount: 3, components: [] }));

describe('the trace sample', () => {
  it('takes a third failed traces and the rest successful, spread over the run, in start order', () => {
    const picked = pickSample([...summaries(600, 'OK'), ...summaries(300, 'ERROR', 0.5)], 30);
    expect(picked).toHaveLength(30);
    expect(picked.filter((t) => t.status === 'ERROR')).toHaveLength(10);
    const starts = picked.map((t) => t.startMs);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]).toBeLessThan(30_000);
    expect(starts[starts.length - 1]).toBeGreaterThan(570_000);
  });

  it('fills with failed traces when successful ones are few, and takes everything when there is less than asked', () => {
    expect(pickSample([...summaries(5, 'OK'), ...summaries(100, 'ERROR')], 30).filter((t) => t.status === 'ERROR')).toHaveLength(25);
    expect(pickSample(summaries(7, 'OK'), 30)).toHaveLength(7);
  });

  it('reads its size from the query: 240 by default, 1 to 500', () => {
    expect(traceSampleQuerySchema.parse({})).toEqual({ size: 240 });
    expect(traceSampleQuerySchema.parse({ size: '12' })).toEqual({ size: 12 });
    for (const size of ['0', '501', '2.5', 'many']) expect(traceSampleQuerySchema.safeParse({ size }).success).toBe(false);
    expect(traceSampleQuerySchema.safeParse({ size: '5', status: 'OK' }).success).toBe(false);
  });
});
