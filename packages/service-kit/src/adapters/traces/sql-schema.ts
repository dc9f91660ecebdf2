import { TraceStoreError } from './trace-store-error';

/**
 * Quotes a Postgres schema name for interpolation into DDL and queries. Schema names cannot be bound
 * as parameters, so only plain lower-case identifiers are accepted: anything else is a
 * configuration mistake, reported with the offending name rather than quoted into SQL.
 */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TraceStoreError('invalid_config', `Invalid trace store schema name "${schema}": expected a lower-case Postgres identifier (a-z, 0-9, _)`, { schema });
  }
  return `"${schema}"`;
}
