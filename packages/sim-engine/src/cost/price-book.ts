import { DEFAULT_PRICE_REGIONS, findCatalogueEntry, findSku, PRICE_TABLE, type PriceEntry, type PriceOverride, type PriceUnit, type ProviderRef } from '@architech/contracts';

/** The prices a cost is computed with: the list-price table and a project's overrides, which win. */
export interface PriceBook {
  table: readonly PriceEntry[];
  overrides?: readonly PriceOverride[];
}

/** The catalogue's list prices, no overrides. */
export const LIST_PRICES: PriceBook = { table: PRICE_TABLE };

/**
 * USD per unit for a component's provider block, or undefined when neither an override nor the
 * table has one. An override for the SKU wins over one for the whole service, which wins over
 * the table; the table is read in the block's region (the provider's default region when it has
 * none), for its SKU (the catalogue's default SKU when it names none).
 */
export function priceOf(book: PriceBook, ref: ProviderRef, unit: PriceUnit): number | undefined {
  const sku = ref.sku ?? defaultSku(ref);
  const matches = <T extends { provider: string; service: string; sku?: string; unit: PriceUnit }>(row: T, wantSku: string | undefined) =>
    row.provider === ref.provider && row.service === ref.service && row.unit === unit && row.sku === wantSku;
  const overrides = book.overrides ?? [];
  const override = overrides.find((o) => matches(o, sku)) ?? overrides.find((o) => matches(o, undefined));
  if (override) return override.price;
  const region = ref.region ?? DEFAULT_PRICE_REGIONS[ref.provider];
  const inRegion = book.table.filter((row) => row.region === region);
  return (inRegion.find((row) => matches(row, sku)) ?? inRegion.find((row) => matches(row, undefined)))?.price;
}

/** vCPUs of the block's SKU in the catalogue (0 when unknown), for prices per vCPU-second. */
export function skuVcpu(ref: ProviderRef): number {
  const entry = findCatalogueEntry(ref.provider, ref.service);
  return (entry && findSku(entry, ref.sku)?.vcpu) ?? 0;
}

function defaultSku(ref: ProviderRef): string | undefined {
  const entry = findCatalogueEntry(ref.provider, ref.service);
  return entry?.skus[0]?.id;
}
