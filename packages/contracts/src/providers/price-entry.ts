import type { Provider } from './provider-ref.schema';

/**
 * What a price is per: one instance (node, task, VM, gateway) for an hour; a million calls
 * reaching the component; a GB-second or vCPU-second of serverless execution.
 */
export const PRICE_UNITS = ['instance-hour', 'million-requests', 'gb-second', 'vcpu-second'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** The region each provider's table is priced in; a component in another region needs an override. */
export const DEFAULT_PRICE_REGIONS: Readonly<Record<Provider, string>> = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' };

/** Date the list prices of the table were recorded (docs/providers.md: check them before relying on them). */
export const PRICES_READ_ON = '2025-01-15';

/** One list price: USD per `unit` of a service (of one SKU, or of every SKU when `sku` is omitted). */
export interface PriceEntry {
  provider: Provider;
  service: string;
  sku?: string;
  region: string;
  unit: PriceUnit;
  /** USD per unit. */
  price: number;
  /** The public pricing page it comes from. */
  source: string;
  /** When it was read, ISO date. */
  readOn: string;
  /** How the figure is derived when it is not a single line of the page. */
  note?: string;
}

/** One row of a provider's table: service, SKU (undefined: every SKU), unit, USD, note. */
export type PriceRow = readonly [service: string, sku: string | undefined, unit: PriceUnit, price: number, note?: string];

/** The rows of one provider's table, in a compact notation that fills in provider, region and date. */
export function priceRows(provider: Provider, source: Record<string, string>, rows: readonly PriceRow[]): PriceEntry[] {
  return rows.map(([service, sku, unit, price, note]) => ({
    provider,
    service,
    ...(sku === undefined ? {} : { sku }),
    region: DEFAULT_PRICE_REGIONS[provider],
    unit,
    price,
    source: source[service],
    readOn: PRICES_READ_ON,
    ...(note === undefined ? {} : { note }),
  }));
}
