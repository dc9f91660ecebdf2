import { validateDesign, type Design } from '@architech/contracts';
import { refineDesign, reviewFindings, type Goal, type GoalInput } from '../../src';
import { sizeStations, FIRST_TARGET } from '../../src/refine/sizing';

// 200 req/s × 50 ms on a function: 10 calls in flight on average, allowed 8 (ρ = 1.25).
function design(maxConcurrency = 8, concurrencyPerInstance = 1): Design {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 200 } } },
      { id: 'fn', type: 'SERVICE', properties: { serviceTime: { dist: 'exponential', mean: 50 }, serverless: { maxConcurrency, concurrencyPerInstance, coldStart: { dist: 'constant', value: 200 } } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'fn' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const serverlessOf = (d: Design) => (d.components[1].properties as { serverless: { maxConcurrency: number } }).serverless;

describe('sizing a serverless station', () => {
  it('reads its capacity as maxConcurrency: the capacity rule flags ρ = 10 / 8 and fixes maxConcurrency, not replicas', () => {
    const finding = reviewFindings(design()).find((f) => f.rule === 'capacity' && f.components.includes('fn'))!;
    expect(finding.outcome).toBe('fail');
    expect(finding.reason).toContain('ρ = 1.25');
    // ρ ≈ 0.7: ⌈10 / 0.7⌉ = 15 calls in flight.
    expect(finding.fix!.changes).toEqual([{ componentId: 'fn', properties: { serverless: expect.objectContaining({ maxConcurrency: 15 }) } }]);
    const fixed = validateDesign({ ...design(), components: design().components.map((c) => (c.id === 'fn' ? { ...c, properties: { ...c.properties, ...finding.fix!.changes[0].properties } } : c)) });
    expect(fixed.ok).toBe(true);
  });

  it('does not flag a serverless station as a single point of failure', () => {
    expect(reviewFindings(design(100)).filter((f) => f.rule === 'single-point-of-failure' && f.components.includes('fn'))).toEqual([]);
    expect(reviewFindings(design(100)).find((f) => f.rule === 'capacity')?.outcome).toBe('pass');
  });

  it('sizes instances × calls per instance into maxConcurrency', () => {
    const [change] = sizeStations(design(), () => FIRST_TARGET);
    expect(change.property).toBe('serverless');
    // M/M/1 per instance at ρ ≤ 0.8 and wait ≤ service time: 10 erlangs need ≥ 13 single-call instances.
    expect((change.to as { maxConcurrency: number }).maxConcurrency).toBeGreaterThanOrEqual(13);
    const multi = sizeStations(design(8, 4), () => FIRST_TARGET)[0];
    expect((multi.to as { maxConcurrency: number }).maxConcurrency % 4).toBe(0);
  });

  it('refines a throttled function into a design that validates, changing maxConcurrency only', () => {
    const goal: Goal = {
      description: 'no throttling',
      objective: 'capacity',
      evaluate: ({ summary }: GoalInput) => [{ criterion: 'errors', passed: summary.endToEnd.errorRate < 0.01, actual: summary.endToEnd.errorRate, evidence: 'error rate', lever: 'capacity' as const }],
    };
    const result = refineDesign(design(), goal, { run: { durationSec: 30, warmupSec: 5, replications: 1 } });
    expect(result.state).toBe('accepted');
    expect(result.changes.every((c) => c.property === 'serverless')).toBe(true);
    expect(validateDesign(result.design).ok).toBe(true);
    expect(serverlessOf(result.design as Design).maxConcurrency).toBeGreaterThan(8);
  });
});
