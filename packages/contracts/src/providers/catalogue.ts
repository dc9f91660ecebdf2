import type { Distribution } from '../distribution.schema';
import { AWS_CATALOGUE } from './aws.catalogue';
import { AZURE_CATALOGUE } from './azure.catalogue';
import type { CatalogueEntry, CatalogueProperties, CatalogueSku } from './catalogue-entry';
import { GCP_CATALOGUE } from './gcp.catalogue';
import type { Provider } from './provider-ref.schema';

/** Every provider building block Architech knows, AWS then Azure then Google Cloud (docs/providers.md). */
export const PROVIDER_CATALOGUE: readonly CatalogueEntry[] = [...AWS_CATALOGUE, ...AZURE_CATALOGUE, ...GCP_CATALOGUE];

/** A catalogue id or SKU nobody knows; the message lists the valid ones. */
export class UnknownCatalogueItemError extends Error {
  readonly code = 'unknown_catalogue_item';
}

/** The entry a component's `provider` block names, or undefined. */
export function findCatalogueEntry(provider: Provider, service: string): CatalogueEntry | undefined {
  return PROVIDER_CATALOGUE.find((e) => e.provider === provider && e.service === service);
}

/** The entries of one provider (the editor's palette for a project's provider scope). */
export function providerCatalogue(provider: Provider): CatalogueEntry[] {
  return PROVIDER_CATALOGUE.filter((e) => e.provider === provider);
}

/** A SKU of an entry: the named one, the default (first) one without a name, undefined for an unknown name. */
export function findSku(entry: CatalogueEntry, skuId?: string): CatalogueSku | undefined {
  return skuId === undefined ? entry.skus[0] : entry.skus.find((s) => s.id === skuId);
}

/** A duration distribution with every time multiplied by `factor`. */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  if (factor === 1) return d;
  switch (d.dist) {
    case 'constant':
      return { ...d, value: d.value * factor };
    case 'exponential':
      return { ...d, mean: d.mean * factor };
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor };
    case 'normal':
    case 'lognormal':
      return { ...d, mean: d.mean * factor, stddev: d.stddev * factor };
  }
}

/**
 * The properties of a component standing for a catalogue entry at a SKU (the default SKU when
 * omitted): the entry's defaults, the SKU's capacity (workers, or a serverless entry's calls per
 * instance and memory; service time scaled by the SKU's factor; its own rate limit) and the
 * `provider` block that prices it.
 *
 * @example { id: 'orders-db', type: 'DATABASE', properties: catalogueComponent('aws.rds-postgres', 'db.m6g.xlarge') }
 * @throws UnknownCatalogueItemError for an unknown entry id or SKU, listing the valid ones
 */
export function catalogueComponent(entryId: string, skuId?: string): CatalogueProperties {
  const entry = PROVIDER_CATALOGUE.find((e) => e.id === entryId);
  if (!entry) throw new UnknownCatalogueItemError(`unknown catalogue entry '${entryId}'; known: ${PROVIDER_CATALOGUE.map((e) => e.id).join(', ')}`);
  const sku = findSku(entry, skuId);
  if (!sku) throw new UnknownCatalogueItemError(`${entry.id} has no SKU '${skuId}'; valid: ${entry.skus.map((s) => s.id).join(', ')}`);
  const properties: Record<string, unknown> = { ...entry.defaults, provider: { provider: entry.provider, service: entry.service, sku: sku.id } };
  const serviceTime = properties.serviceTime as Distribution | undefined;
  if (serviceTime) properties.serviceTime = scaleDistribution(serviceTime, sku.serviceTimeFactor);
  const serverless = properties.serverless as Record<string, unknown> | undefined;
  if (serverless) properties.serverless = { ...serverless, concurrencyPerInstance: sku.workers, memoryMb: sku.memoryMb };
  else if (entry.defaults && 'workers' in entry.defaults) properties.workers = sku.workers;
  if (sku.rateLimit) properties.rateLimit = sku.rateLimit;
  return properties as CatalogueProperties;
}
