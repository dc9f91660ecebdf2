import { AWS_PRICES } from './aws.prices';
import { AZURE_PRICES } from './azure.prices';
import { GCP_PRICES } from './gcp.prices';
import type { PriceEntry } from './price-entry';

/**
 * The list prices of the catalogue, one default region per provider (docs/providers.md, "Prices").
 * They are list prices as of their `readOn` date: check them against the `source` page, and
 * override them per project where they differ (discounts, other regions, newer prices).
 */
export const PRICE_TABLE: readonly PriceEntry[] = [...AWS_PRICES, ...AZURE_PRICES, ...GCP_PRICES];
