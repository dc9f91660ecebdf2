import { resolveDesign, simulationConfigSchema, validateDesign } from '@architech/contracts';
import { simulate } from '../runtime/simulate';
import { computeCost } from './cost-model';
import { LIST_PRICES } from './price-book';
import { usageFromSummary } from './usage';

function design(provider: boolean) {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 50 } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 10 }, ...(provider ? { provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } : {}) } },
      { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'exponential', mean: 5 } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }, { id: 'c2', source: 'api', target: 'db' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return resolveDesign(outcome.value);
}

const config = simulationConfigSchema.parse({ durationSec: 120, warmupSec: 20, seed: 7, replications: 2 });

describe('the cost in a simulation result', () => {
  it('prices the measured window of a design with provider blocks: 2 × m6i.large for 100 s', () => {
    const result = simulate(design(true), config);
    expect(result.cost).toBeDefined();
    const cost = result.cost!;
    expect(cost.windowSec).toBe(100);
    expect(cost.components.api.instance).toBeCloseTo((2 * 100 * 0.096) / 3600, 9);
    expect(cost.unpriced).toEqual(['db']);
    expect(cost.overrides).toBe(0);
    expect(cost).toEqual(computeCost({ design: design(true), usage: usageFromSummary(result.summary), windowSec: 100, prices: LIST_PRICES }));
    expect(cost.perMillionSuccessful).toBeCloseTo((cost.total / result.summary.endToEnd.completions) * 1e6, 9);
  });

  it('uses the prices it is given (a project override wins)', () => {
    const prices = { ...LIST_PRICES, overrides: [{ provider: 'aws' as const, service: 'ec2', sku: 'm6i.large', unit: 'instance-hour' as const, price: 0.048 }] };
    const cost = simulate(design(true), config, { prices }).cost!;
    expect(cost.components.api.instance).toBeCloseTo((2 * 100 * 0.048) / 3600, 9);
    expect(cost.overrides).toBe(1);
  });

  it('leaves the result as it was for a design without provider blocks', () => {
    expect('cost' in simulate(design(false), config)).toBe(false);
  });
});
