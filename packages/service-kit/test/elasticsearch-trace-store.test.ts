import { ElasticsearchTraceStore } from '../src/adapters/traces/elasticsearch-trace-store';
import { describeSearchTraceStore } from './contracts/search-trace-store.suite';

/*
 * The Elasticsearch trace store against a real cluster. It needs one: set ELASTICSEARCH_URL
 * (e.g. http://127.0.0.1:9200, as `docker compose --profile elasticsearch` runs it). No
 * Elasticsearch server can be had on CI's machines (not on Maven Central, no Docker), so there
 * the suite is reported as skipped; the OpenSearch suite, which CI runs, checks the same request
 * bodies (both adapters send what SearchTraceStore builds).
 */

jest.setTimeout(60_000);

const ELASTICSEARCH_URL = process.env.ELASTICSEARCH_URL;
(ELASTICSEARCH_URL ? describe : describe.skip)('on Elasticsearch', () => {
  describeSearchTraceStore('Elasticsearch', ELASTICSEARCH_URL ?? '', 'elasticsearch', (options) => new ElasticsearchTraceStore(options));
});
