import { z } from 'zod';
import { fromZodIssues, type ValidationIssue, type ValidationOutcome } from '../issues';
import { findCatalogueEntry, providerCatalogue } from './catalogue';
import { PRICE_UNITS } from './price-entry';
import { PROVIDERS } from './provider-ref.schema';

/** Overrides one project may carry. */
export const MAX_PRICE_OVERRIDES = 500;

/**
 * A project's own price for a service (every SKU when `sku` is omitted) and unit, in USD; it wins
 * over the price table in every region.
 *
 * @example { "provider": "aws", "service": "ec2", "sku": "m6i.large", "unit": "instance-hour", "price": 0.061 }
 */
export const priceOverrideSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  service: z.string().min(1).max(64),
  sku: z.string().min(1).max(64).optional(),
  unit: z.enum(PRICE_UNITS),
  price: z.number().min(0).max(1_000_000),
});

/** A project's price overrides. */
export const priceOverridesSchema = z.array(priceOverrideSchema).max(MAX_PRICE_OVERRIDES);

export type PriceOverride = z.output<typeof priceOverrideSchema>;

/**
 * Validates a project's price overrides: the schema, then the services and SKUs against the
 * catalogue (an unknown one is named, with the valid values).
 *
 * @example validatePriceOverrides([{ provider: 'aws', service: 'ec3', unit: 'instance-hour', price: 1 }]) // issue at [0].service
 */
export function validatePriceOverrides(input: unknown): ValidationOutcome<PriceOverride[]> {
  const parsed = priceOverridesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues), warnings: [] };
  const issues: ValidationIssue[] = [];
  parsed.data.forEach((o, index) => {
    const entry = findCatalogueEntry(o.provider, o.service);
    if (!entry) {
      issues.push({ path: `[${index}].service`, code: 'unknown_provider_service', message: `${o.provider} has no service '${o.service}'; valid: ${providerCatalogue(o.provider).map((e) => e.service).join(', ')}` });
    } else if (o.sku !== undefined && !entry.skus.some((s) => s.id === o.sku)) {
      issues.push({ path: `[${index}].sku`, code: 'unknown_sku', message: `${o.provider} ${o.service} has no SKU '${o.sku}'; valid: ${entry.skus.map((s) => s.id).join(', ')}` });
    }
  });
  return issues.length > 0 ? { ok: false, issues, warnings: [] } : { ok: true, value: parsed.data, warnings: [] };
}
