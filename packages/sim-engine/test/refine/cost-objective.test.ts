import { validateDesign, type Design } from '@architech/contracts';
import { refineDesign, type Goal, type GoalInput } from '../../src';

// 100 req/s × 30 ms on 1-worker replicas: 3 erlangs. Sizing (ρ ≤ 0.8, wait ≤ service time) gives
// 6 replicas; the analytic minimum (ρ < 1) is 4.
function design(serviceMs = 30): Design {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: 8, workers: 1, serviceTime: { dist: 'exponential', mean: serviceMs }, provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

function goal(objective: Goal['objective'], passes: (call: number) => boolean = () => true): Goal {
  let calls = 0;
  return {
    description: 'test goal',
    objective,
    evaluate: ({ summary: { endToEnd: e } }: GoalInput) => [{ criterion: 'scripted', passed: passes(++calls), actual: e.latency.p99, evidence: `call ${calls}`, lever: 'capacity' as const }],
  };
}

const fast = { run: { durationSec: 20, warmupSec: 5, replications: 1 } };
const apiReplicas = (d: Design) => (d.components[1].properties as { replicas: number }).replicas;

describe('the cost objective of a refine run', () => {
  it('keeps trimming the most expensive replica while the goal holds, down to the analytic minimum', () => {
    expect(apiReplicas(refineDesign(design(), goal('capacity'), fast).design)).toBe(6);
    const result = refineDesign(design(), goal('cost'), fast);
    expect(result).toMatchObject({ state: 'accepted', iterations: 3 });
    expect(result.changes.map((c) => c.to)).toEqual([6, 5, 4]);
    expect(result.changes[1].why).toContain('saves ≈ $70.08 a month');
    expect(apiReplicas(result.design)).toBe(4);
  });

  it('keeps the last design that met the goal when a cheaper one misses it', () => {
    const result = refineDesign(design(), goal('cost', (call) => call !== 2), fast);
    expect(result.state).toBe('accepted');
    expect(apiReplicas(result.design)).toBe(6);
    expect(result.changes.map((c) => c.to)).toEqual([6]);
    expect(result.validation?.iteration).toBe(1);
    expect(result.timeline.some((e) => e.kind === 'note' && e.text.includes('keeping the one validated in iteration 1'))).toBe(true);
  });

  it('keeps the last design that met the goal when the run times out during a trim', () => {
    let reads = 0;
    // The start, then two reads per iteration: the fourth check (after iteration 2's trim) is past the budget.
    const clock = () => (reads++ >= 4 ? 1000 : 0);
    const result = refineDesign(design(), goal('cost'), { ...fast, timeoutMs: 10, clock });
    expect(result.state).toBe('accepted');
    expect(apiReplicas(result.design)).toBe(6);
    expect(result.timeline.some((e) => e.kind === 'note' && e.text === 'timeout: keeping the design validated in iteration 1')).toBe(true);
  });

  it('stops, accepted, when no replica can go: the sizing already sits at the analytic minimum', () => {
    // 100 req/s × 10 ms: sizing gives 2 replicas (ρ = 0.5), the minimum with failover kept is 2.
    const result = refineDesign(design(10), goal('cost'), fast);
    expect(result).toMatchObject({ state: 'accepted', iterations: 1 });
    expect(apiReplicas(result.design)).toBe(2);
  });
});
