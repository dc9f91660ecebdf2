import { Client, type ClientOptions } from '@opensearch-project/opensearch';
import type { TraceIndexTemplate } from './elasticsearch-trace-templates';
import { bulkOutcomes, SearchTraceStore, totalOf, type SearchEngineTransport, type SearchQueryClause, type SearchRequestBody, type SearchTraceStoreSettings } from './search-trace-store';

export interface OpenSearchTraceStoreOptions extends SearchTraceStoreSettings {
  /** OpenSearch URL, e.g. `http://opensearch:9200` (or an Amazon OpenSearch Service domain endpoint). */
  node: string;
  auth?: ClientOptions['auth'];
}

/**
 * The trace and log store on OpenSearch (2.x; Amazon OpenSearch Service) through
 * `@opensearch-project/opensearch`: the same index templates (with `flat_object` where
 * Elasticsearch has `flattened`), documents and queries as {@link ElasticsearchTraceStore}.
 *
 * @example
 * ```ts
 * const store = new OpenSearchTraceStore({ node: 'http://localhost:9200' });
 * await store.ensureTemplates();
 * ```
 */
export class OpenSearchTraceStore extends SearchTraceStore {
  constructor(options: OpenSearchTraceStoreOptions) {
    super(new OpenSearchTransport(new Client({ node: options.node, auth: options.auth })), options);
  }
}

/** The shared request bodies handed to `@opensearch-project/opensearch`, which takes them as `body`. */
class OpenSearchTransport implements SearchEngineTransport {
  readonly product = 'OpenSearch';
  readonly flavor = 'opensearch';

  constructor(private readonly client: Client) {}

  async putIndexTemplate(template: TraceIndexTemplate): Promise<void> {
    const { name, ...body } = template;
    await this.client.indices.putIndexTemplate({ name, body } as Parameters<Client['indices']['putIndexTemplate']>[0]);
  }

  async bulk(operations: object[], refresh: boolean): Promise<ReturnType<typeof bulkOutcomes>> {
    const response = await this.client.bulk({ body: operations as never, refresh });
    return bulkOutcomes(response.body.items as Parameters<typeof bulkOutcomes>[0]);
  }

  async search<Doc>(index: string, body: SearchRequestBody): Promise<{ total: number; docs: Doc[] }> {
    // Before the first write the index does not exist yet: that is an empty result, not an error.
    const response = await this.client.search({ index, ignore_unavailable: true, body: body as never });
    const hits = response.body.hits;
    return { total: totalOf(hits.total as number | { value: number } | undefined), docs: hits.hits.map((hit) => hit._source as Doc) };
  }

  async refresh(indices: string[]): Promise<void> {
    await this.client.indices.refresh({ index: indices, ignore_unavailable: true });
  }

  async deleteByQuery(indices: string[], query: SearchQueryClause, refresh: boolean): Promise<void> {
    await this.client.deleteByQuery({ index: indices, body: { query } as never, conflicts: 'proceed', ignore_unavailable: true, refresh });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
