import { validateDesign } from '../design-validation';
import { catalogueComponent, PROVIDER_CATALOGUE, UnknownCatalogueItemError } from './catalogue';
import { PRICE_TABLE } from './price-table';
import { PROVIDERS } from './provider-ref.schema';

/** A design with one component of the entry, fed by a client, with a downstream when it needs one. */
function designWith(entryId: string, sku?: string, type = PROVIDER_CATALOGUE.find((e) => e.id === entryId)!.type) {
  const needsDownstream = type === 'LOAD_BALANCER' || type === 'QUEUE' || type === 'CACHE';
  return {
    components: [
      { id: 'client', type: 'CLIENT', properties: { arrival: { process: 'poisson', ratePerSec: 10 } } },
      { id: 'it', type, properties: catalogueComponent(entryId, sku) },
      ...(needsDownstream ? [{ id: 'backend', type: 'SERVICE', properties: { serviceTime: { dist: 'constant', value: 5 } } }] : []),
    ],
    connections: [{ id: 'c1', source: 'client', target: 'it' }, ...(needsDownstream ? [{ id: 'c2', source: 'it', target: 'backend' }] : [])],
  };
}

describe('the provider catalogue', () => {
  const cases = PROVIDER_CATALOGUE.flatMap((entry) => entry.skus.map((sku) => [entry.id, sku.id] as const));

  it.each(cases)('%s at SKU %s builds a valid design component', (entryId, sku) => {
    const outcome = validateDesign(designWith(entryId, sku));
    expect(outcome.ok ? [] : outcome.issues).toEqual([]);
    expect(outcome.warnings).toEqual([]);
  });

  it('has every category for every provider', () => {
    for (const provider of PROVIDERS) {
      const categories = new Set(PROVIDER_CATALOGUE.filter((e) => e.provider === provider).map((e) => e.category));
      expect([...categories].sort()).toEqual(['api-gateway', 'cache', 'containers', 'functions', 'load-balancer', 'mysql', 'nosql', 'postgres', 'queue', 'vm']);
    }
  });

  it('writes each entry default for its first SKU (factor 1)', () => {
    for (const entry of PROVIDER_CATALOGUE) expect([entry.id, entry.skus[0].serviceTimeFactor]).toEqual([entry.id, 1]);
  });

  it('scales the service time and the capacity of a SKU', () => {
    const small = catalogueComponent('aws.ecs-fargate', '0.5vcpu-1gb') as Record<string, unknown>;
    expect(small.serviceTime).toEqual({ dist: 'exponential', mean: 40 });
    expect(small.provider).toEqual({ provider: 'aws', service: 'ecs-fargate', sku: '0.5vcpu-1gb' });
    const big = catalogueComponent('aws.ec2', 'm6i.2xlarge') as Record<string, unknown>;
    expect(big.workers).toBe(8);
    const fn = catalogueComponent('aws.lambda', '512mb') as { serverless: { memoryMb: number; concurrencyPerInstance: number } };
    expect(fn.serverless).toMatchObject({ memoryMb: 512, concurrencyPerInstance: 1, maxConcurrency: 1000 });
  });

  it("gives AWS API Gateway the account's throttling limits", () => {
    expect((catalogueComponent('aws.api-gateway') as Record<string, unknown>).rateLimit).toEqual({ perSec: 10_000, burst: 5000 });
    expect((catalogueComponent('aws.dynamodb', 'on-demand-write') as Record<string, unknown>).rateLimit).toEqual({ perSec: 4000, burst: 4000 });
  });

  it('names the valid entries and SKUs of an unknown one', () => {
    expect(() => catalogueComponent('aws.ec3')).toThrow(UnknownCatalogueItemError);
    expect(() => catalogueComponent('aws.ec2', 'm9.huge')).toThrow(/no SKU 'm9.huge'; valid: m6i.large, t3.medium/);
  });

  it('prices every SKU of every entry with a source and a date', () => {
    for (const entry of PROVIDER_CATALOGUE) {
      for (const sku of entry.skus) {
        const rows = PRICE_TABLE.filter((p) => p.provider === entry.provider && p.service === entry.service && (p.sku === undefined || p.sku === sku.id));
        expect([entry.id, sku.id, rows.length > 0]).toEqual([entry.id, sku.id, true]);
      }
    }
    for (const row of PRICE_TABLE) {
      expect(row.source).toMatch(/^https:\/\//);
      expect(row.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row.price).toBeGreaterThan(0);
    }
  });
});

describe('a design component with a provider block', () => {
  it('is refused for an unknown service, naming the field and the valid services', () => {
    const design = designWith('aws.ec2');
    (design.components[1].properties as Record<string, unknown>).provider = { provider: 'aws', service: 'ec3' };
    const outcome = validateDesign(design);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ path: 'components[1].properties.provider.service', code: 'unknown_provider_service', message: expect.stringContaining('valid: alb, api-gateway, ecs-fargate, ec2') })]);
  });

  it('is refused for an unknown SKU, naming the field and the valid SKUs', () => {
    const design = designWith('gcp.compute-engine');
    (design.components[1].properties as Record<string, unknown>).provider = { provider: 'gcp', service: 'compute-engine', sku: 'n9-huge' };
    const outcome = validateDesign(design);
    expect(outcome.ok ? [] : outcome.issues).toEqual([expect.objectContaining({ path: 'components[1].properties.provider.sku', code: 'unknown_sku', message: expect.stringContaining('valid: n2-standard-2, e2-medium') })]);
  });

  it('is warned about when the catalogue gives the service another type', () => {
    const outcome = validateDesign(designWith('aws.lambda', undefined, 'DATABASE'));
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map((w) => [w.path, w.code])).toEqual([['components[1].properties.provider.service', 'provider_type_mismatch']]);
  });
});
