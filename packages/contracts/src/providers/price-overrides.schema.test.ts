import { validatePriceOverrides } from './price-overrides.schema';

describe('price overrides', () => {
  it('accept a price per SKU or for every SKU of a service', () => {
    const outcome = validatePriceOverrides([
      { provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.061 },
      { provider: 'gcp', service: 'cloud-run', unit: 'million-requests', price: 0 },
    ]);
    expect(outcome.ok).toBe(true);
  });

  it('name the field of a malformed override', () => {
    const outcome = validatePriceOverrides([{ provider: 'aws', service: 'ec2', unit: 'per-hour', price: -1 }]);
    expect(outcome.ok ? [] : outcome.issues.map((i) => i.path).sort()).toEqual(['[0].price', '[0].unit']);
  });

  it('name an unknown service or SKU and list the valid ones', () => {
    const outcome = validatePriceOverrides([
      { provider: 'azure', service: 'lambda', unit: 'gb-second', price: 1 },
      { provider: 'aws', service: 'rds-postgres', sku: 'db.x9.huge', unit: 'instance-hour', price: 1 },
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      expect.objectContaining({ path: '[0].service', code: 'unknown_provider_service', message: expect.stringContaining('valid: application-gateway') }),
      expect.objectContaining({ path: '[1].sku', code: 'unknown_sku', message: expect.stringContaining('valid: db.m6g.large') }),
    ]);
  });
});
