import { Client, type ClientOptions, type estypes } from '@elastic/elasticsearch';
import type { TraceIndexTemplate } from './elasticsearch-trace-templates';
import { bulkOutcomes, SearchTraceStore, totalOf, type SearchEngineTransport, type SearchQueryClause, type SearchRequestBody, type SearchTraceStoreSettings } from './search-trace-store';

export interface ElasticsearchTraceStoreOptions extends SearchTraceStoreSettings {
  /** Elasticsearch URL, e.g. `http://elasticsearch:9200`. */
  node: string;
  auth?: ClientOptions['auth'];
}

/**
 * The trace and log store on Elasticsearch (8 or 9) through `@elastic/elasticsearch`. That client
 * refuses any server that is not Elasticsearch (its product check), so OpenSearch has its own
 * adapter, {@link OpenSearchTraceStore}, sending the same request bodies.
 *
 * @example
 * ```ts
 * const store = new ElasticsearchTraceStore({ node: 'http://localhost:9200' });
 * await store.ensureTemplates();
 * await store.writeTraces(simulationId, traces);
 * ```
 */
export class ElasticsearchTraceStore extends SearchTraceStore {
  constructor(options: ElasticsearchTraceStoreOptions) {
    super(new ElasticsearchTransport(new Client({ node: options.node, auth: options.auth })), options);
  }
}

/** The shared request bodies handed to `@elastic/elasticsearch`, which takes them as top-level parameters. */
class ElasticsearchTransport implements SearchEngineTransport {
  readonly product = 'Elasticsearch';
  readonly flavor = 'elasticsearch';

  constructor(private readonly client: Client) {}

  async putIndexTemplate(template: TraceIndexTemplate): Promise<void> {
    await this.client.indices.putIndexTemplate(template as estypes.IndicesPutIndexTemplateRequest);
  }

  async bulk(operations: object[], refresh: boolean): Promise<ReturnType<typeof bulkOutcomes>> {
    const response = await this.client.bulk({ operations, refresh });
    return bulkOutcomes(response.items as Parameters<typeof bulkOutcomes>[0]);
  }

  async search<Doc>(index: string, body: SearchRequestBody): Promise<{ total: number; docs: Doc[] }> {
    // Before the first write the index does not exist yet: that is an empty result, not an error.
    const response = await this.client.search<Doc>({ index, ignore_unavailable: true, ...(body as estypes.SearchRequest) });
    return { total: totalOf(response.hits.total), docs: response.hits.hits.map((hit) => hit._source as Doc) };
  }

  async refresh(indices: string[]): Promise<void> {
    await this.client.indices.refresh({ index: indices, ignore_unavailable: true });
  }

  async deleteByQuery(indices: string[], query: SearchQueryClause, refresh: boolean): Promise<void> {
    await this.client.deleteByQuery({ index: indices, query: query as estypes.QueryDslQueryContainer, conflicts: 'proceed', ignore_unavailable: true, refresh });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
