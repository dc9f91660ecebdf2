import { describe, expect, it } from '@jest/globals';
import type { SimulationCostDto } from '@architech/contracts';
import { costRows, usd, usdDelta } from './cost-format';

const cost = (components: Record<string, number>): SimulationCostDto => ({
  windowSec: 100,
  currency: 'USD',
  total: 1,
  monthly: 1,
  perMillionSuccessful: 1,
  components: Object.fromEntries(Object.entries(components).map(([id, monthly]) => [id, { instance: 0, requests: 0, compute: 0, total: 0, monthly }])),
  unpriced: [],
  overrides: 0,
});

describe('cost figures', () => {
  it('reads dollars with cents, sub-cent amounts with 6 decimals', () => {
    expect(usd(1240.5)).toBe('$1,240.50');
    expect(usd(0.0012345)).toBe('$0.001235');
    expect(usd(0)).toBe('$0.00');
  });

  it('signs a delta and gives its share', () => {
    expect(usdDelta(100, 150)).toBe('+$50.00 (+50.0%)');
    expect(usdDelta(200, 150)).toBe('−$50.00 (−25.0%)');
    expect(usdDelta(0, 10)).toBe('+$10.00');
  });

  it('lists every component of either run', () => {
    expect(costRows(cost({ lb: 16, api: 100 }), cost({ api: 200, cache: 30 }))).toEqual([
      { id: 'lb', a: 16, b: undefined },
      { id: 'api', a: 100, b: 200 },
      { id: 'cache', a: undefined, b: 30 },
    ]);
  });
});
