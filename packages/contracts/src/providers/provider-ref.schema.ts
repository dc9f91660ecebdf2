import { z } from 'zod';

/** The cloud providers whose building blocks and prices Architech knows. */
export const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** A project's provider scope: one provider's catalogue next to the generic components, or `any`. */
export const PROVIDER_SCOPES = [...PROVIDERS, 'any'] as const;
export type ProviderScope = (typeof PROVIDER_SCOPES)[number];

/**
 * Which provider building block a component stands for (`{ provider: "aws", service: "rds-postgres",
 * sku: "db.m6g.large" }`): the catalogue entry it came from, which prices it. Design validation checks
 * the service and SKU against the catalogue (docs/providers.md).
 */
export const providerRefSchema = z.strictObject({
  provider: z.enum(PROVIDERS),
  service: z.string().min(1).max(64),
  sku: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(32).optional(),
});

export type ProviderRef = z.output<typeof providerRefSchema>;
