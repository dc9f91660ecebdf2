import { validateDesign, type Design } from '@architech/contracts';
import { reviewDesign } from '../../src';

function design(apiReplicas: number): Design {
  const outcome = validateDesign({
    components: [
      { id: 'client', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: apiReplicas, workers: 2, serviceTime: { dist: 'constant', value: 10 }, provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } },
      { id: 'old-db', type: 'DATABASE', properties: { serviceTime: { dist: 'constant', value: 5 }, provider: { provider: 'aws', service: 'rds-postgres', sku: 'db.m6g.large' } } },
      { id: 'fn', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 5 }, serverless: { maxConcurrency: 10, coldStart: { dist: 'constant', value: 100 } } } },
    ],
    connections: [{ id: 'c1', source: 'client', target: 'api' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const costFindings = (d: Design) => reviewDesign(d).findings.filter((f) => f.domain === 'cost' && f.outcome !== 'pass');

describe('the cost review', () => {
  it('flags an over-provisioned station with its monthly saving and a fix', () => {
    const [finding] = costFindings(design(6)).filter((f) => f.rule === 'over-provisioned');
    expect(finding.components).toEqual(['api']);
    // ρ = 10 req/s × 10 ms / (6 × 2) ≈ 0.008: 2 replicas are enough; 4 × $0.096 × 730 h saved.
    expect(finding.evidence[0].kind === 'figures' && finding.evidence[0].figures.monthlySavingUsd).toBeCloseTo(4 * 0.096 * 730, 2);
    expect(finding.fix?.changes).toEqual([{ componentId: 'api', properties: { replicas: 2 } }]);
  });

  it('keeps two replicas for failover and proposes the cheapest SKU that still carries the load', () => {
    const [finding] = costFindings(design(2)).filter((f) => f.rule === 'over-provisioned');
    // t3.medium: 2 workers, service time × 1.25 → ρ = 10 × 12.5 ms / 4 ≈ 0.03; ($0.096 − $0.0416) × 2 × 730 h.
    expect(finding.fix?.changes).toEqual([{ componentId: 'api', properties: { provider: { provider: 'aws', service: 'ec2', sku: 't3.medium' }, workers: 2, serviceTime: { dist: 'constant', value: 12.5 } } }]);
    expect(finding.evidence[0].kind === 'figures' && finding.evidence[0].figures.monthlySavingUsd).toBeCloseTo((0.096 - 0.0416) * 2 * 730, 2);
  });

  it('leaves a station alone at ρ ≥ 0.2, or already on the cheapest SKU', () => {
    const busy = design(2);
    // 100 req/s × 10 ms / (2 × 2 workers) = 0.25.
    (busy.components[0].properties as { arrival: { ratePerSec: number } }).arrival.ratePerSec = 100;
    expect(costFindings(busy).filter((f) => f.rule === 'over-provisioned')).toEqual([]);
    const cheapest = design(2);
    (cheapest.components[1].properties as { provider: { sku: string } }).provider.sku = 't3.medium';
    expect(costFindings(cheapest).filter((f) => f.rule === 'over-provisioned')).toEqual([]);
  });

  it('flags provisioned capacity no traffic reaches, but not an idle serverless function', () => {
    const idle = costFindings(design(2)).filter((f) => f.rule === 'idle-capacity');
    expect(idle.map((f) => f.components)).toEqual([['old-db']]);
    expect(idle[0].reason).toContain(`$${+(0.159 * 730).toFixed(2)} a month`);
  });
});
