import { describe, expect, it } from '@jest/globals';
import { validateDesign, type Design } from '@architech/contracts';
import { LIST_PRICES, type Summary } from '@architech/sim-engine';
import { formatUsd, previewMonthlyCost } from './preview-model';

function design(provider: boolean): Design {
  const outcome = validateDesign({
    components: [
      { id: 'users', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 100 } } },
      { id: 'api', type: 'SERVICE', properties: { replicas: 2, workers: 4, serviceTime: { dist: 'exponential', mean: 10 }, ...(provider ? { provider: { provider: 'aws', service: 'ec2', sku: 'm6i.large' } } : {}) } },
    ],
    connections: [{ id: 'c1', source: 'users', target: 'api' }],
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.value;
}

const summary = (requests: number) => ({ endToEnd: { requests }, components: {} }) as unknown as Summary;

describe('the preview’s monthly estimate', () => {
  it('prices the design at the load the preview measured: 2 × m6i.large all month', () => {
    expect(previewMonthlyCost(design(true), summary(1500), 15)).toBeCloseTo(2 * 0.096 * 730, 6);
  });

  it('uses the project’s overrides', () => {
    const prices = { ...LIST_PRICES, overrides: [{ provider: 'aws' as const, service: 'ec2', unit: 'instance-hour' as const, price: 0.05 }] };
    expect(previewMonthlyCost(design(true), summary(1500), 15, prices)).toBeCloseTo(2 * 0.05 * 730, 6);
  });

  it('is absent without provider blocks or load', () => {
    expect(previewMonthlyCost(design(false), summary(1500), 15)).toBeUndefined();
    expect(previewMonthlyCost(design(true), summary(0), 15)).toBeUndefined();
  });

  it('reads as whole dollars from $100, cents below', () => {
    expect(formatUsd(1240.4)).toBe('$1,240');
    expect(formatUsd(12.345)).toBe('$12.35');
  });
});
