import { MetricStoreError } from './metric-store-error';

/**
 * Quotes the Postgres schema holding `metric_points` for interpolation into SQL. A schema cannot
 * be a bound parameter, so only plain lower-case identifiers are accepted; anything else is a
 * configuration mistake, reported with the name rather than quoted into SQL.
 */
export function quoteMetricSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new MetricStoreError('invalid_config', `Invalid metric store schema name "${schema}": expected a lower-case Postgres identifier (a-z, 0-9, _)`, { schema });
  }
  return `"${schema}"`;
}
