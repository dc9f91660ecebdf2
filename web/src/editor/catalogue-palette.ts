import { catalogueComponent, providerCatalogue, type CatalogueEntry, type ComponentType, type ProviderScope } from '@architech/contracts';
import type { AddComponentInput } from '@architech/editor-core';

/** What a palette item adds: a generic component of a type, or a provider catalogue entry (`aws.rds-postgres`). */
export interface PaletteChoice {
  readonly type: ComponentType;
  readonly catalogueId?: string;
}

/** The providers' names as the palette heads their sections. */
export const PROVIDER_NAMES: Readonly<Record<Exclude<ProviderScope, 'any'>, string>> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

/** The catalogue entries a project's palette shows next to the generic components: its provider's, none for `any`. */
export function scopeCatalogue(scope: ProviderScope | undefined): CatalogueEntry[] {
  return scope === undefined || scope === 'any' ? [] : providerCatalogue(scope);
}

/** An entry's name without the provider's brand prefix, for a palette row (`Amazon RDS for PostgreSQL` → `RDS for PostgreSQL`). */
export function shortName(entry: CatalogueEntry): string {
  const afterColon = entry.name.includes(': ') ? entry.name.slice(entry.name.indexOf(': ') + 2) : entry.name;
  return afterColon.replace(/^(Amazon|AWS|Azure|Google Cloud|Google)\s+/, '');
}

/**
 * What `addComponent` needs, besides the position, for a palette choice: the type's defaults, or a
 * catalogue entry's properties at its default SKU (`catalogueComponent`), its short name and its
 * service as the id prefix. Undefined for an unknown catalogue id.
 */
export function paletteComponent(choice: PaletteChoice): Omit<AddComponentInput, 'position'> | undefined {
  if (choice.catalogueId === undefined) return { type: choice.type };
  const entry = providerCatalogue(choice.catalogueId.split('.')[0] as Exclude<ProviderScope, 'any'>).find((e) => e.id === choice.catalogueId);
  if (!entry) return undefined;
  return { type: entry.type, properties: catalogueComponent(entry.id) as AddComponentInput['properties'], name: shortName(entry), idPrefix: entry.service };
}
