import { useState, type FormEvent } from 'react';
import { PRICE_UNITS, PROVIDER_SCOPES, type PriceOverride, type ProjectDto, type ProviderScope } from '@architech/contracts';
import { api } from '../../api/endpoints';
import { ErrorMessage } from '../../ui/feedback';
import { toast } from '../../ui/toasts';

const SCOPE_LABELS: Record<ProviderScope, string> = { any: 'Any (generic components only)', aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

const EXAMPLE: PriceOverride[] = [{ provider: 'aws', service: 'ec2', sku: 'm6i.large', unit: 'instance-hour', price: 0.061 }];

/**
 * The project's provider scope (which catalogue the editor's palette shows) and its price
 * overrides (JSON, validated by the server: the error names a bad field, e.g. `priceOverrides[0].sku`), editable by owners and editors
 * (docs/providers.md).
 */
export function ProviderSettings({ project, onChange }: { project: ProjectDto; onChange: (p: ProjectDto) => void }) {
  const canEdit = project.role !== 'viewer';
  const [overrides, setOverrides] = useState(() => JSON.stringify(project.priceOverrides, null, 2));
  const [error, setError] = useState<unknown>();

  const setScope = async (provider: ProviderScope) => {
    setError(undefined);
    try {
      onChange(await api.updateProject(project.id, { provider }));
      toast(`Provider scope: ${SCOPE_LABELS[provider]}`);
    } catch (e) {
      setError(e);
    }
  };
  const saveOverrides = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(overrides || '[]');
    } catch (e) {
      return setError(new Error(`The price overrides are not JSON: ${(e as Error).message}`));
    }
    try {
      const updated = await api.updateProject(project.id, { priceOverrides: parsed as PriceOverride[] });
      onChange(updated);
      setOverrides(JSON.stringify(updated.priceOverrides, null, 2));
      toast(`${updated.priceOverrides.length} price override${updated.priceOverrides.length === 1 ? '' : 's'} saved`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="card stack" aria-label="Provider and prices">
      <h2>Provider and prices</h2>
      <label>
        Provider scope
        <select value={project.provider} disabled={!canEdit} onChange={(e) => void setScope(e.target.value as ProviderScope)}>
          {PROVIDER_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" style={{ margin: 0 }}>
        The editor's palette shows the generic components{project.provider === 'any' ? '' : ` and the ${SCOPE_LABELS[project.provider]} building blocks`}. Runs are priced at list prices,
        with these overrides winning (USD per {PRICE_UNITS.join(', ')}).
      </p>
      <form className="stack" onSubmit={saveOverrides} aria-label="Price overrides">
        <label>
          Price overrides (JSON)
          <textarea value={overrides} onChange={(e) => setOverrides(e.target.value)} rows={5} readOnly={!canEdit} placeholder={JSON.stringify(EXAMPLE)} spellCheck={false} style={{ fontFamily: 'var(--mono, monospace)' }} />
        </label>
        {error !== undefined && <ErrorMessage error={error} />}
        {canEdit && (
          <div className="row">
            <span className="spacer" />
            <button className="primary" type="submit">
              Save overrides
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
