import { ElasticsearchTraceStore } from '../src/adapters/traces/elasticsearch-trace-store';
import { describeSearchTraceStore } from './contracts/search-trace-store.suite';
import { startElasticsearchOverOpenSearch } from './support/elasticsearch-over-opensearch';

/*
 * The Elasticsearch trace store against a real engine, through its own client
 * (`@elastic/elasticsearch`) and every request it sends. With ELASTICSEARCH_URL (e.g.
 * http://127.0.0.1:9200, as docker compose runs it) against Elasticsearch itself. No Elasticsearch
 * server can be had on CI's machines (not on Maven Central, no Docker), so there, with
 * OPENSEARCH_URL, it runs against the OpenSearch node through a proxy that changes only what the
 * two products spell differently (media types, `flattened` → `flat_object`, the product header).
 * With neither, the suite is reported as skipped, never as passed.
 */

jest.setTimeout(60_000);

const { ELASTICSEARCH_URL, OPENSEARCH_URL } = process.env;
const make = (options: { node: string; indexPrefix: string; refresh: boolean }) => new ElasticsearchTraceStore(options);

if (ELASTICSEARCH_URL) {
  describe('on Elasticsearch', () => {
    describeSearchTraceStore('Elasticsearch', ELASTICSEARCH_URL, 'elasticsearch', make);
  });
} else {
  (OPENSEARCH_URL ? describe : describe.skip)('on OpenSearch, through a proxy that answers as Elasticsearch', () => {
    let proxy: { url: string; close(): Promise<void> } | undefined;
    beforeAll(async () => {
      proxy = await startElasticsearchOverOpenSearch(OPENSEARCH_URL!);
    });
    afterAll(async () => {
      await proxy?.close();
    });
    // The proxy's URL is known only once it listens: the store is made per spec, after beforeAll.
    describeSearchTraceStore('Elasticsearch', OPENSEARCH_URL ?? '', 'opensearch', (options) => make({ ...options, node: proxy!.url }));
  });
}
