import type { Design } from '../design.schema';
import type { ValidationIssue } from '../issues';
import { findCatalogueEntry, providerCatalogue } from './catalogue';

/**
 * Checks every component's `provider` block against the catalogue: an unknown service or SKU is
 * an error naming the field and listing the valid values; a service whose catalogue type differs
 * from the component's is a warning (it is priced as written, but modelled as the component says).
 */
export function providerRefIssues(design: Pick<Design, 'components'>): { issues: ValidationIssue[]; warnings: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  design.components.forEach((component, index) => {
    if (component.type === 'CLIENT' || !component.properties.provider) return;
    const ref = component.properties.provider;
    const at = `components[${index}].properties.provider`;
    const entry = findCatalogueEntry(ref.provider, ref.service);
    if (!entry) {
      const valid = providerCatalogue(ref.provider).map((e) => e.service);
      issues.push({ path: `${at}.service`, code: 'unknown_provider_service', message: `${ref.provider} has no service '${ref.service}'; valid: ${valid.join(', ')}` });
      return;
    }
    if (ref.sku !== undefined && !entry.skus.some((s) => s.id === ref.sku)) {
      issues.push({ path: `${at}.sku`, code: 'unknown_sku', message: `${ref.provider} ${ref.service} has no SKU '${ref.sku}'; valid: ${entry.skus.map((s) => s.id).join(', ')}` });
    }
    if (entry.type !== component.type) {
      warnings.push({ path: `${at}.service`, code: 'provider_type_mismatch', message: `${entry.name} is a ${entry.type} in the catalogue, but '${component.id}' is a ${component.type}` });
    }
  });
  return { issues, warnings };
}
