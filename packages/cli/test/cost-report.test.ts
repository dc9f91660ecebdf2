import { validateDesign, type Design } from '@architech/contracts';
import { LIST_PRICES, runCost, type SimulationResult } from '@architech/sim-engine';
import { renderCostSection } from '../src/format/cost-report';

function design(provider: boolean): Design {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: 2, serviceTime: { dist: 'constant', value: 5 }, ...(provider ? { provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } : {}) } },
      { id: 'db', type: 'DATABASE', properties: { serviceTime: { dist: 'constant', value: 5 } } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }, { id: 'c2', source: 'api', target: 'db' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const component = (usage: Record<string, number>) => ({ type: 'SERVICE', arrivals: 36_000, completions: 36_000, errors: 0, drops: 0, timeouts: 0, rejected: 0, throughput: 100, utilization: 0.25, meanQueueLength: 0, latency: { mean: 5, p50: 5, p95: 5, p99: 5, max: 5 }, ...usage });

function result(usage: boolean): SimulationResult {
  const extra = usage ? { instanceSeconds: 720, billedSeconds: 0 } : {};
  return {
    summary: { endToEnd: { requests: 36_000, completions: 36_000, errors: 0, throughput: 100, errorRate: 0, latency: { mean: 10, p50: 10, p95: 10, p99: 10, max: 10 } }, components: { api: component(extra), db: component(extra) } },
    settings: { durationSec: 420, warmupSec: 60, warmupMode: 'fixed', seed: 1, bucketSec: 1 },
  } as unknown as SimulationResult;
}

/** What the engine puts in `result.cost` for this summary. */
const price = (d: Design, r: SimulationResult) => runCost(d, r.summary, r.settings.durationSec - r.settings.warmupSec, LIST_PRICES);

describe('the cost of a simulated run (CLI)', () => {
  it('is computed over the post-warm-up window from the summary usage', () => {
    const cost = price(design(true), result(true))!;
    // 720 instance-seconds of m6i.large ($0.096/h) over 360 s.
    expect(cost.total).toBeCloseTo(0.0192, 10);
    expect(cost.monthly).toBeCloseTo(0.0192 * 730 * 10, 8);
    expect(cost.unpriced).toEqual(['db']);
    expect(renderCostSection(cost)).toEqual([
      'Cost (list prices, USD)',
      '  this run     $0.02 over 360 s',
      '  per month    $140.16 at this load',
      '  per million  $0.53 successful requests',
      '  unpriced     db',
    ]);
  });

  it('is left out when no component is priced', () => {
    expect(price(design(false), result(true))).toBeUndefined();
  });
});
