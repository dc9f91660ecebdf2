/**
 * `@architech/service-kit/search`: the Elasticsearch and OpenSearch trace store adapters and
 * `createTraceStore`, which picks one of them or the Postgres store. Kept out of the main entry so
 * a service that stores traces in Postgres never loads either search client (docs/architecture.md,
 * "Ports and adapters").
 */
export * from './adapters/traces/elasticsearch-trace-store';
export * from './adapters/traces/elasticsearch-trace-templates';
export * from './adapters/traces/opensearch-trace-store';
export * from './adapters/traces/search-trace-store';
export * from './adapters/traces/create-trace-store';
