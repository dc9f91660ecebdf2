import { analyticMinimumCapacity, designCapacity, refineDesign, type Goal, type GoalInput } from '../../src';
import { healthy } from '../review/review-fixtures';

/** p99 below a bound (capacity lever) and error rate below a bound (resilience lever). */
function goal(p99Ms: number, errorRate = 1): Goal {
  return {
    description: `p99 < ${p99Ms} ms and error rate < ${errorRate}`,
    evaluate: ({ summary: { endToEnd: e } }: GoalInput) => [
      { criterion: `latencyP99Ms < ${p99Ms}`, passed: e.latency.p99 < p99Ms, actual: e.latency.p99, evidence: `p99 ${e.latency.p99}`, lever: 'capacity' as const },
      { criterion: `errorRate < ${errorRate}`, passed: e.errorRate < errorRate, actual: e.errorRate, evidence: `errors ${e.errorRate}`, lever: 'resilience' as const },
    ],
  };
}

const fast = { run: { durationSec: 30, warmupSec: 5, replications: 1 } };

describe('refineDesign', () => {
  // 600 req/s × 10 ms on 1 × 4 workers: ρ = 1.5 on api and db
  const underProvisioned = healthy({ rate: 600, api: { replicas: 1 }, db: { replicas: 1, queueCapacity: 50 } });

  it('sizes an under-provisioned design from queueing formulas and is accepted, with the least capacity at or above the analytic minimum', () => {
    const result = refineDesign(underProvisioned, goal(150), fast);
    expect(result.state).toBe('accepted');
    expect(result.iterations).toBe(1);
    // ρ ≤ 0.8 needs 2 replicas (600 × 0.01 / (4 × 0.8) = 1.875); each replica is then M/M/4 at
    // a = 3: Erlang C 0.509, mean wait 0.509 × 10 ms / (4 − 3) = 5.1 ms ≤ the service time → 2
    expect(result.changes.map((c) => [c.componentId, c.property, c.to])).toEqual([
      ['api', 'replicas', 2],
      ['db', 'replicas', 2],
    ]);
    // analytic minimum (ρ < 1): 2 replicas × 4 workers each — the sizing meets it exactly
    expect(result.capacity).toEqual({ before: 8, after: 16, analyticMinimum: 16 });
    expect(designCapacity(result.design)).toBe(16);
    expect(result.design.components[1]).toMatchObject({ id: 'api', properties: { timeoutMs: 2000 } });
    const states = result.timeline.filter((e) => e.kind === 'transition').map((e) => (e.kind === 'transition' ? e.state : ''));
    expect(states).toEqual(['generating', 'validating', 'accepted']);
    expect(result.validation?.criteria.every((c) => c.passed)).toBe(true);
  });

  it('feeds failures back: a tight p99 bound tightens the bottlenecks, and stops at the iteration limit when it cannot be met', () => {
    const result = refineDesign(underProvisioned, goal(1), fast);
    expect(result).toMatchObject({ state: 'stopped', reason: 'iteration_limit', iterations: 3 });
    const states = result.timeline.filter((e) => e.kind === 'transition').map((e) => (e.kind === 'transition' ? e.state : ''));
    expect(states).toEqual(['generating', 'validating', 'optimizing', 'generating', 'validating', 'optimizing', 'generating', 'validating', 'stopped']);
    expect(result.capacity.after).toBeGreaterThan(16);
  });

  it('adds resilience settings when an error criterion fails', () => {
    const flaky = healthy({ rate: 50, db: { errorRate: 0.05 } });
    const result = refineDesign(flaky, goal(10_000, 0.01), fast);
    expect(result.state).toBe('accepted');
    expect(result.iterations).toBe(2);
    expect(result.changes).toContainEqual(expect.objectContaining({ componentId: 'db', property: 'retry' }));
  });

  it('keeps an immutable timeline and is deterministic per seed', () => {
    const a = refineDesign(underProvisioned, goal(150), fast);
    const b = refineDesign(underProvisioned, goal(150), fast);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.isFrozen(a.timeline)).toBe(true);
    expect(Object.isFrozen(a.timeline[0])).toBe(true);
    expect(analyticMinimumCapacity(underProvisioned)).toBe(16);
  });

  it('stops with timeout when the wall-clock budget is spent', () => {
    let now = 0;
    const result = refineDesign(underProvisioned, goal(1), { ...fast, timeoutMs: 5, clock: () => (now += 10) });
    expect(result).toMatchObject({ state: 'stopped', reason: 'timeout' });
  });
});
