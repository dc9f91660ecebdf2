import { hypothesisGoal, refineGoalSchema } from './refine-goal.schema';

const summary = (p99: number, errorRate: number) => ({ summary: { endToEnd: { throughput: 100, errorRate, latency: { mean: 10, p50: 8, p95: 20, p99 } } } });

describe('hypothesisGoal', () => {
  const goal = hypothesisGoal([
    { metric: 'latencyP99Ms', op: '<', value: 300 },
    { metric: 'errorRate', op: '<', value: 0.01 },
  ]);

  it('judges every condition with its evidence and lever', () => {
    expect(goal.description).toBe('p99 < 300 ms and error rate < 1%');
    expect(goal.evaluate(summary(350, 0.001))).toEqual([
      { criterion: 'latencyP99Ms < 300', passed: false, actual: 350, evidence: 'p99 < 300 ms (measured 350 ms)', lever: 'capacity' },
      { criterion: 'errorRate < 0.01', passed: true, actual: 0.001, evidence: 'error rate < 1% (measured 0.1%)', lever: 'resilience' },
    ]);
  });
});

describe('refineGoalSchema', () => {
  it('needs at least one condition and bounds the run', () => {
    expect(refineGoalSchema.safeParse({ hypothesis: [] }).success).toBe(false);
    expect(refineGoalSchema.safeParse({ hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }], maxIterations: 4 }).success).toBe(false);
    expect(refineGoalSchema.safeParse({ hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }], run: { durationSec: 601 } }).success).toBe(false);
    expect(refineGoalSchema.safeParse({ hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }], run: { seed: 3 } }).success).toBe(true);
  });

  it('takes a cost objective and passes it on to the goal port', () => {
    const parsed = refineGoalSchema.parse({ hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }], objective: 'cost' });
    const port = hypothesisGoal(parsed.hypothesis, parsed.objective);
    expect(port.objective).toBe('cost');
    expect(port.description).toBe('error rate < 1%, at the least cost');
    expect(refineGoalSchema.safeParse({ hypothesis: [{ metric: 'errorRate', op: '<', value: 0.01 }], objective: 'cheap' }).success).toBe(false);
  });
});
