import { fromZodIssues } from '../issues';
import { createProjectSchema, updateProjectSchema } from './project.schema';

const issuesOf = (input: unknown) => {
  const parsed = updateProjectSchema.safeParse(input);
  return parsed.success ? [] : fromZodIssues(parsed.error.issues);
};

describe('a project’s provider scope and price overrides', () => {
  it('accepts a scope and valid overrides, alone or together', () => {
    expect(updateProjectSchema.parse({ provider: 'aws' })).toEqual({ provider: 'aws' });
    const overrides = [{ provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.05 }];
    expect(updateProjectSchema.parse({ priceOverrides: overrides }).priceOverrides).toEqual(overrides);
    expect(createProjectSchema.parse({ name: 'p', provider: 'gcp' }).provider).toBe('gcp');
  });

  it('names the field of an unknown scope', () => {
    expect(issuesOf({ provider: 'oracle' }).map((i) => i.path)).toEqual(['provider']);
  });

  it('names the override field that is wrong: schema, unknown service, unknown SKU', () => {
    expect(issuesOf({ priceOverrides: [{ provider: 'aws', service: 'ec2', unit: 'instance-hour', price: -1 }] }).map((i) => i.path)).toEqual(['priceOverrides[0].price']);
    const unknown = issuesOf({ priceOverrides: [{ provider: 'aws', service: 'ec3', unit: 'instance-hour', price: 1 }, { provider: 'aws', service: 'ec2', sku: 'm99.huge', unit: 'instance-hour', price: 1 }] });
    expect(unknown.map((i) => i.path)).toEqual(['priceOverrides[0].service', 'priceOverrides[1].sku']);
    expect(unknown[1].message).toContain('m6i.large');
  });

  it('still wants at least one field', () => {
    expect(issuesOf({}).length).toBe(1);
  });
});
