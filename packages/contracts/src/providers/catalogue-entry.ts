import type { z } from 'zod';
import type { componentSchema } from '../design.schema';
import type { RateLimitPolicy } from '../serverless.schema';
import type { Provider } from './provider-ref.schema';

/** What kind of building block a catalogue entry is, whatever the provider calls it. */
export const CATALOGUE_CATEGORIES = ['load-balancer', 'api-gateway', 'containers', 'vm', 'functions', 'postgres', 'mysql', 'nosql', 'cache', 'queue'] as const;
export type CatalogueCategory = (typeof CATALOGUE_CATEGORIES)[number];

/** A component as written in a design (defaults may be missing), of any type but CLIENT. */
type ComponentInput = Exclude<z.input<typeof componentSchema>, { type: 'CLIENT' }>;

/**
 * One size of a catalogue entry (an instance type, a memory setting, a tier) and the capacity it
 * maps to in our model (docs/providers.md, "SKUs and capacity").
 */
export interface CatalogueSku {
  /** The provider's name for it, e.g. `db.m6g.large`, `Standard_D4s_v5`, `1024mb`. */
  id: string;
  /** vCPU and memory in words, e.g. `2 vCPU, 8 GiB`. */
  description: string;
  /** vCPUs of one instance (prices per vCPU-second read it). */
  vcpu: number;
  /** Memory of one instance, MB (prices per GB-second read it; a serverless entry's `memoryMb`). */
  memoryMb: number;
  /** Workers of one replica (calls served at once); a serverless entry's calls per instance. */
  workers: number;
  /**
   * Service time relative to the entry's default `serviceTime`, which is written for the default
   * SKU (the first, factor 1): 2 means every call takes twice as long (half the vCPU), 0.85 a
   * faster CPU.
   */
  serviceTimeFactor: number;
  /** The SKU's admission limit when it differs from the entry's default `rateLimit`. */
  rateLimit?: RateLimitPolicy;
}

/** One provider building block: its component type, default properties and sizes. */
export interface CatalogueEntry<T extends ComponentInput['type'] = ComponentInput['type']> {
  /** `<provider>.<service>`, e.g. `aws.rds-postgres`. */
  id: string;
  provider: Provider;
  /** The `provider.service` a component carries, e.g. `rds-postgres`. */
  service: string;
  /** The provider's name for it, e.g. `Amazon RDS for PostgreSQL`. */
  name: string;
  category: CatalogueCategory;
  type: T;
  /** A valid component of `type` at the default SKU (the `provider` block is added by `catalogueComponent`). */
  defaults: Extract<ComponentInput, { type: T }>['properties'];
  /** The sizes, default first. */
  skus: readonly CatalogueSku[];
  /** Where its behaviour figures (cold starts, limits) come from. */
  source: string;
}

/** The properties a catalogue entry builds, as a design writes them. */
export type CatalogueProperties = ComponentInput['properties'];

/** Declares an entry, keeping its `type` and `defaults` checked against each other. */
export function catalogueEntry<T extends ComponentInput['type']>(entry: CatalogueEntry<T>): CatalogueEntry {
  return entry as unknown as CatalogueEntry;
}

/**
 * A SKU row, in the catalogue's compact notation.
 *
 * @example sku('m6i.large', '2 vCPU, 8 GiB', 2, 8192, 2, 1)
 */
export function sku(id: string, description: string, vcpu: number, memoryMb: number, workers: number, serviceTimeFactor: number, rateLimit?: RateLimitPolicy): CatalogueSku {
  return rateLimit ? { id, description, vcpu, memoryMb, workers, serviceTimeFactor, rateLimit } : { id, description, vcpu, memoryMb, workers, serviceTimeFactor };
}
