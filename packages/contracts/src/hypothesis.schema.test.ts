import { describeCondition, evaluateHypothesis, formatHypothesisValue, hypothesisSchema } from './hypothesis.schema';

const summary = { endToEnd: { throughput: 400, errorRate: 0.004, latency: { mean: 40, p50: 30, p95: 120, p99: 250 } } };

describe('a steady-state hypothesis', () => {
  it('holds when every condition holds', () => {
    const h = hypothesisSchema.parse([
      { metric: 'latencyP99Ms', op: '<', value: 300 },
      { metric: 'errorRate', op: '<', value: 0.01 },
    ]);
    expect(evaluateHypothesis(h, summary)).toEqual({
      holds: true,
      outcomes: [
        { condition: h[0], actual: 250, holds: true },
        { condition: h[1], actual: 0.004, holds: true },
      ],
    });
  });

  it('fails when one condition fails, and says which', () => {
    const result = evaluateHypothesis([{ metric: 'latencyP99Ms', op: '<', value: 200 }, { metric: 'throughputPerSec', op: '>=', value: 400 }], summary);
    expect(result.holds).toBe(false);
    expect(result.outcomes.map((o) => o.holds)).toEqual([false, true]);
  });

  it('never counts a latency bound as held when nothing succeeded', () => {
    const dead = { endToEnd: { ...summary.endToEnd, throughput: 0, latency: { mean: NaN, p50: NaN, p95: NaN, p99: NaN } } };
    expect(evaluateHypothesis([{ metric: 'latencyP99Ms', op: '<', value: 300 }], dead).holds).toBe(false);
  });

  it('reads like the chaos engineer wrote it', () => {
    expect(describeCondition({ metric: 'latencyP99Ms', op: '<', value: 300 })).toBe('p99 < 300 ms');
    expect(describeCondition({ metric: 'errorRate', op: '<', value: 0.01 })).toBe('error rate < 1%');
    expect(formatHypothesisValue('errorRate', 0.0123)).toBe('1.23%');
  });

  it('refuses an unknown metric or operator with the field', () => {
    const bad = hypothesisSchema.safeParse([{ metric: 'p99', op: '<', value: 1 }]);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual([0, 'metric']);
  });
});
