import type { Pool } from 'pg';
import type { TraceStore } from '../../ports/trace-store.port';
import { ElasticsearchTraceStore, type ElasticsearchTraceStoreOptions } from './elasticsearch-trace-store';
import { PostgresTraceStore } from './postgres-trace-store';

export * from './elasticsearch-trace-store';
export * from './elasticsearch-trace-templates';
export * from './postgres-trace-store';
export * from './trace-store-error';
export * from './trace-tables.migration';

/** Which trace store adapter to use, with its settings. */
export type TraceStoreConfig =
  | { kind: 'postgres'; pool: Pool; schema: string }
  | ({ kind: 'elasticsearch' } & ElasticsearchTraceStoreOptions);

/**
 * A ready trace store: Postgres tables (the embedded default; the schema's migration, see
 * {@link traceTablesMigration}, must have run) or Elasticsearch (its index templates are put here,
 * before the first write creates an index without them).
 *
 * @example
 * ```ts
 * const store = env.ELASTICSEARCH_URL
 *   ? await createTraceStore({ kind: 'elasticsearch', node: env.ELASTICSEARCH_URL })
 *   : await createTraceStore({ kind: 'postgres', pool, schema: 'telemetry' });
 * ```
 */
export async function createTraceStore(config: TraceStoreConfig): Promise<TraceStore> {
  if (config.kind === 'postgres') return new PostgresTraceStore(config);
  const { kind: _kind, ...options } = config;
  const store = new ElasticsearchTraceStore(options);
  await store.ensureTemplates();
  return store;
}
