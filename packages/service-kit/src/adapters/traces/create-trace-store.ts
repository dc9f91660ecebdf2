import type { Pool } from 'pg';
import type { TraceStore } from '../../ports/trace-store.port';
import { ElasticsearchTraceStore, type ElasticsearchTraceStoreOptions } from './elasticsearch-trace-store';
import { OpenSearchTraceStore, type OpenSearchTraceStoreOptions } from './opensearch-trace-store';
import { PostgresTraceStore } from './postgres-trace-store';

/** Which trace store adapter to use, with its settings. */
export type TraceStoreConfig =
  | { kind: 'postgres'; pool: Pool; schema: string }
  | ({ kind: 'elasticsearch' } & ElasticsearchTraceStoreOptions)
  | ({ kind: 'opensearch' } & OpenSearchTraceStoreOptions);

/**
 * A ready trace store: Postgres tables (the embedded default; the schema's migration, see
 * {@link traceTablesMigration}, must have run), Elasticsearch or OpenSearch (their index templates
 * are put here, before the first write creates an index without them).
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
  const store = config.kind === 'opensearch' ? new OpenSearchTraceStore(options as OpenSearchTraceStoreOptions) : new ElasticsearchTraceStore(options as ElasticsearchTraceStoreOptions);
  await store.ensureTemplates();
  return store;
}
