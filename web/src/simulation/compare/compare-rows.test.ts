import type { ComponentSummaryDto, SimulationSummaryDto } from '@architech/contracts';
import { compareRows, deltaOf, type CompareRow } from './compare-rows';
import { errorRateSeries } from './error-rate-series';

const latency = (p: number) => ({ mean: p, p50: p, p95: p * 2, p99: p * 3, max: p * 4 });
const component = (utilization: number, errors: number): ComponentSummaryDto => ({
  type: 'SERVICE', arrivals: 100, completions: 100 - errors, errors, drops: 0, timeouts: 0, rejected: 0, throughput: 10, utilization, meanQueueLength: 0, throttled: 0, coldStarts: 0, instanceSeconds: 0, billedSeconds: 0, peakInstances: 0, latency: latency(10),
});
const summary = (throughput: number, errorRate: number, components: Record<string, ComponentSummaryDto>): SimulationSummaryDto => ({
  endToEnd: { requests: 1000, completions: 990, errors: 10, throughput, errorRate, latency: latency(20) },
  components,
});
const row = (over: Partial<CompareRow>): CompareRow => ({ group: 'g', label: 'x', unit: 'count', better: 'lower', a: 10, b: 10, ciA: undefined, ciB: undefined, ...over });

describe('comparing two runs', () => {
  it('lists the end-to-end headline metrics, then four metrics per component, components only B has last', () => {
    const rows = compareRows(summary(80, 0.01, { api: component(0.5, 1) }), summary(90, 0.02, { api: component(0.6, 2), db: component(0.2, 0) }), undefined, undefined, (id) => id.toUpperCase());
    expect(rows.slice(0, 7).map((r) => r.label)).toEqual(['throughput', 'error rate', 'latency mean', 'latency p50', 'latency p95', 'latency p99', 'latency max']);
    expect(rows.slice(7).map((r) => `${r.group} ${r.label}`)).toEqual([
      'API utilisation', 'API latency p95', 'API errors', 'API drops',
      'DB utilisation', 'DB latency p95', 'DB errors', 'DB drops',
    ]);
    expect(rows.find((r) => r.group === 'DB')!.a).toBeUndefined();
  });

  it('leaves out the utilisation of components without workers', () => {
    const client = { ...component(0, 0), type: 'CLIENT' };
    const rows = compareRows(summary(80, 0, { users: client }), summary(80, 0, { users: client }), undefined, undefined);
    expect(rows.filter((r) => r.group === 'users').map((r) => r.label)).toEqual(['latency p95', 'errors', 'drops']);
  });

  it('calls higher throughput better and higher latency or errors worse', () => {
    expect(deltaOf(row({ better: 'higher', a: 80, b: 90 }))).toEqual({ absolute: 10, relative: 0.125, verdict: 'better' });
    expect(deltaOf(row({ better: 'lower', a: 100, b: 150 }))!.verdict).toBe('worse');
    expect(deltaOf(row({ better: 'lower', a: 100, b: 50 }))!.verdict).toBe('better');
  });

  it('calls a difference smaller than the combined confidence half-widths within noise', () => {
    expect(deltaOf(row({ a: 100, b: 104, ciA: 3, ciB: 4 }))!.verdict).toBe('within-noise');
    // Without replications there is no interval: a change under 1% is called negligible, not worse.
    expect(deltaOf(row({ a: 49.3, b: 49.31 }))!.verdict).toBe('negligible');
    expect(deltaOf(row({ a: 100, b: 106, ciA: 3, ciB: 4 }))!.verdict).toBe('worse');
  });

  it('gives no percentage against zero and no verdict on a metric one run lacks', () => {
    expect(deltaOf(row({ a: 0, b: 5 }))).toEqual({ absolute: 5, relative: undefined, verdict: 'worse' });
    expect(deltaOf(row({ a: undefined, b: 5 }))).toBeUndefined();
  });

  it('reports equal values as the same and a moved neutral metric as changed', () => {
    expect(deltaOf(row({ a: 0.3, b: 0.3 }))!.verdict).toBe('same');
    expect(deltaOf(row({ better: 'neither', a: 0.3, b: 0.5 }))!.verdict).toBe('changed');
  });
});

describe('the error rate over time', () => {
  it('is errors over finished requests per bucket, with a gap where nothing finished', () => {
    const errors = [{ timeSec: 0, value: 1 }, { timeSec: 1, value: 0 }, { timeSec: 2, value: 2 }];
    const completions = [{ timeSec: 0, value: 3 }, { timeSec: 1, value: 0 }, { timeSec: 2, value: 0 }];
    expect(errorRateSeries(errors, completions)).toEqual([{ timeSec: 0, value: 0.25 }, { timeSec: 2, value: 1 }]);
  });
});
