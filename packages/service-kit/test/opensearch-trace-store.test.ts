import { OpenSearchTraceStore } from '../src/adapters/traces/opensearch-trace-store';
import { describeSearchTraceStore } from './contracts/search-trace-store.suite';

/*
 * The OpenSearch trace store against a real node: set OPENSEARCH_URL (.ci/run starts one with
 * infra/engines; `docker compose` runs one too). Without it the suite is reported as skipped,
 * never as passed.
 */

jest.setTimeout(60_000);

const OPENSEARCH_URL = process.env.OPENSEARCH_URL;
(OPENSEARCH_URL ? describe : describe.skip)('on OpenSearch', () => {
  describeSearchTraceStore('OpenSearch', OPENSEARCH_URL ?? '', 'opensearch', (options) => new OpenSearchTraceStore(options));
});
