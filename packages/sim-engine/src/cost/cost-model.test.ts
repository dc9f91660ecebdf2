import { validateDesign, type Design } from '@architech/contracts';
import { computeCost, HOURS_PER_MONTH } from './cost-model';
import { estimateCost } from './estimate';
import { LIST_PRICES } from './price-book';
import { usageFromSummary, type ComponentUsage } from './usage';

const exp = (mean: number) => ({ dist: 'exponential', mean });

function design(): Design {
  const outcome = validateDesign({
    components: [
      { id: 'client', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } } },
      { id: 'lb', type: 'LOAD_BALANCER', properties: { provider: { provider: 'aws', service: 'alb' } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: 2, workers: 2, serviceTime: exp(10), provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } },
      { id: 'web', type: 'SERVICE', properties: { serviceTime: exp(10), autoscaling: { minReplicas: 1, maxReplicas: 4, targetUtilization: 0.5 }, provider: { provider: 'aws', service: 'ecs-fargate' } } },
      { id: 'fn', type: 'SERVICE', properties: { serviceTime: exp(20), serverless: { maxConcurrency: 100, coldStart: exp(300), memoryMb: 1024 }, provider: { provider: 'aws', service: 'lambda', sku: '1024mb' } } },
      { id: 'run', type: 'SERVICE', properties: { serviceTime: exp(20), serverless: { maxConcurrency: 100, concurrencyPerInstance: 80, coldStart: exp(300), memoryMb: 512 }, provider: { provider: 'gcp', service: 'cloud-run', sku: '1vcpu-512mb' } } },
      { id: 'db', type: 'DATABASE', properties: { serviceTime: exp(5) } },
      { id: 'eu', type: 'DATABASE', properties: { serviceTime: exp(5), provider: { provider: 'aws', service: 'rds-postgres', region: 'eu-west-1' } } },
    ],
    connections: [
      { id: 'c1', source: 'client', target: 'lb' },
      { id: 'c2', source: 'lb', target: 'api' },
      { id: 'c3', source: 'api', target: 'web' },
      { id: 'c4', source: 'web', target: 'fn' },
      { id: 'c5', source: 'fn', target: 'run' },
      { id: 'c6', source: 'run', target: 'db' },
      { id: 'c7', source: 'db', target: 'eu' },
    ],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const usage = (u: Partial<ComponentUsage>): ComponentUsage => ({ arrivals: 0, completions: 0, instanceSeconds: 0, billedSeconds: 0, ...u });

const run = {
  successfulRequests: 360_000,
  components: {
    lb: usage({ arrivals: 360_000 }),
    api: usage({ arrivals: 360_000, instanceSeconds: 7200 }),
    web: usage({ arrivals: 360_000, instanceSeconds: 5400 }),
    fn: usage({ arrivals: 1_000_000, billedSeconds: 20_000 }),
    run: usage({ arrivals: 0, billedSeconds: 1000 }),
    db: usage({ arrivals: 360_000, instanceSeconds: 3600 }),
  },
};

describe('the cost of a run', () => {
  const cost = computeCost({ design: design(), usage: run, windowSec: 3600, prices: LIST_PRICES });

  it('bills fixed instances by the hour: 2 × m6i.large for an hour', () => {
    expect(cost.components.api.instance).toBeCloseTo(2 * 0.096, 10);
  });

  it('bills autoscaled replicas by their instance-seconds: 1.5 Fargate task-hours', () => {
    expect(cost.components.web.instance).toBeCloseTo(1.5 * 0.04937, 10);
  });

  it('bills a function per invocation and per GB-second', () => {
    expect(cost.components.fn.requests).toBeCloseTo(0.2, 10);
    expect(cost.components.fn.compute).toBeCloseTo(20_000 * 1 * 0.0000166667, 10);
    expect(cost.components.fn.instance).toBe(0);
  });

  it('bills vCPU-seconds too where the provider prices them (Cloud Run)', () => {
    expect(cost.components.run.compute).toBeCloseTo(1000 * (0.5 * 0.0000025 + 1 * 0.000024), 12);
  });

  it('bills a load balancer for the whole window', () => {
    expect(cost.components.lb.instance).toBeCloseTo(0.0225, 10);
  });

  it('lists components without a provider block or a price in their region as unpriced', () => {
    expect(cost.unpriced).toEqual(['db', 'eu']);
    expect(Object.keys(cost.components).sort()).toEqual(['api', 'fn', 'lb', 'run', 'web']);
  });

  it('adds up, per month and per million successful requests', () => {
    const total = 0.192 + 0.074055 + 0.2 + 20_000 * 0.0000166667 + 0.02525 + 0.0225;
    expect(cost.total).toBeCloseTo(total, 9);
    expect(cost.monthly).toBeCloseTo(total * HOURS_PER_MONTH, 6);
    expect(cost.perMillionSuccessful).toBeCloseTo((total / 360_000) * 1e6, 6);
    expect(cost.components.api.monthly).toBeCloseTo(0.192 * 730, 9);
  });

  it('lets a project override win over the table, for a SKU or a whole service', () => {
    const overridden = computeCost({
      design: design(),
      usage: run,
      windowSec: 3600,
      prices: { ...LIST_PRICES, overrides: [{ provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.05 }, { provider: 'aws', service: 'rds-postgres', unit: 'instance-hour', price: 0.2 }] },
    });
    expect(overridden.components.api.instance).toBeCloseTo(0.1, 10);
    expect(overridden.components.eu).toBeDefined();
    expect(overridden.unpriced).toEqual(['db']);
  });

  it('has no cost per successful request when none succeeded', () => {
    expect(computeCost({ design: design(), usage: { ...run, successfulRequests: 0 }, windowSec: 3600, prices: LIST_PRICES }).perMillionSuccessful).toBeNull();
  });

  it('reads usage from a run summary', () => {
    const summary = { endToEnd: { completions: 9 }, components: { api: { arrivals: 10, completions: 9, instanceSeconds: 120, billedSeconds: 0 } } };
    expect(usageFromSummary(summary)).toEqual({ successfulRequests: 9, components: { api: { arrivals: 10, completions: 9, instanceSeconds: 120, billedSeconds: 0 } } });
  });
});

describe('the static monthly estimate', () => {
  it('runs fixed replicas all month, sizes autoscaling for the load and bills functions per call and GB-second', () => {
    const estimate = estimateCost(design(), 10, LIST_PRICES);
    const month = 730 * 3600;
    expect(estimate.components.api.monthly).toBeCloseTo(2 * 0.096 * 730, 6);
    // λ = 10/s × 10 ms / (1 worker × 0.5) = 0.2 → 1 replica (minReplicas).
    expect(estimate.components.web.monthly).toBeCloseTo(0.04937 * 730, 6);
    expect(estimate.components.fn.monthly).toBeCloseTo(10 * month * (0.2 / 1e6 + 0.02 * 1 * 0.0000166667), 6);
    expect(estimate.monthly).toBeCloseTo(Object.values(estimate.components).reduce((s, c) => s + c.monthly, 0), 6);
  });

  it('scales the clients to the rate asked for', () => {
    const low = estimateCost(design(), 10, LIST_PRICES).components.fn.monthly;
    const high = estimateCost(design(), 20, LIST_PRICES).components.fn.monthly;
    expect(high).toBeCloseTo(2 * low, 6);
  });
});
