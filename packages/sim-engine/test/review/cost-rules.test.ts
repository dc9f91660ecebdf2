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

  it('keeps two replicas for failover', () => {
    expect(costFindings(design(2)).filter((f) => f.rule === 'over-provisioned')).toEqual([]);
  });

  it('flags provisioned capacity no traffic reaches, but not an idle serverless function', () => {
    const idle = costFindings(design(2)).filter((f) => f.rule === 'idle-capacity');
    expect(idle.map((f) => f.components)).toEqual([['old-db']]);
    expect(idle[0].reason).toContain(`$${+(0.159 * 730).toFixed(2)} a month`);
  });
});
