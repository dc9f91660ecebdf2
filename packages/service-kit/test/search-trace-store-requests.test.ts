import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ElasticsearchTraceStore } from '../src/adapters/traces/elasticsearch-trace-store';
import { OpenSearchTraceStore } from '../src/adapters/traces/opensearch-trace-store';
import type { SearchTraceStore } from '../src/adapters/traces/search-trace-store';
import { sampleLogs, sampleTraces } from './contracts/trace-store.fixtures';

/*
 * The Elasticsearch and OpenSearch adapters must send the same requests, so that the OpenSearch
 * suite CI runs on a real node also vouches for the Elasticsearch adapter (no Elasticsearch server
 * can be had in CI). Both run the same operations against a recording HTTP server; their requests
 * (method, path, query, JSON bodies) must be equal but for the one mapping type that differs.
 * If this fails, the OpenSearch suite no longer covers what the Elasticsearch adapter sends.
 */

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** Answers like either engine would (Elasticsearch's product header included) and records each request. */
function recordingServer(): Promise<{ url: string; requests: Recorded[]; server: Server }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://recorder');
      const lines = raw.trim() === '' ? [] : raw.trim().split('\n').map((line) => JSON.parse(line) as unknown);
      // PUT and POST _index_template are the same API (the clients pick differently).
      const method = url.pathname.startsWith('/_index_template/') && req.method === 'POST' ? 'PUT' : (req.method ?? '');
      requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: url.pathname.endsWith('/_bulk') ? lines : (lines[0] ?? null) });
      let answer: unknown = { acknowledged: true };
      if (url.pathname.endsWith('/_bulk')) {
        const actions = lines.filter((_, i) => i % 2 === 0) as { index: { _index: string; _id: string } }[];
        answer = { errors: false, took: 1, items: actions.map((a) => ({ index: { _index: a.index._index, _id: a.index._id, status: 201 } })) };
      } else if (url.pathname.endsWith('/_search')) {
        answer = { took: 1, timed_out: false, hits: { total: { value: 0, relation: 'eq' }, hits: [] } };
      } else if (url.pathname.endsWith('/_delete_by_query')) {
        answer = { deleted: 0, failures: [] };
      } else if (url.pathname === '/') {
        answer = { version: { number: '9.0.0' }, tagline: 'You Know, for Search' };
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server })));
}

async function exercise(store: SearchTraceStore): Promise<void> {
  await store.ensureTemplates();
  await store.writeTraces('sim-1', sampleTraces());
  await store.writeLogs('sim-1', sampleLogs());
  await store.queryTraces({ simulationId: 'sim-1', status: 'ERROR', minDurationMs: 5, componentId: 'web', limit: 20, offset: 40 });
  await store.getTrace('sim-1', 'no-such-trace');
  await store.queryLogs({ simulationId: 'sim-1', q: 'timeout retry', level: 'error', componentId: 'db' });
  await store.deleteSimulation('sim-1');
  await store.close();
}

describe('the Elasticsearch and OpenSearch trace stores', () => {
  it('send the same requests, apart from the attributes field type (flattened / flat_object)', async () => {
    const recorder = await recordingServer();
    try {
      await exercise(new ElasticsearchTraceStore({ node: recorder.url, indexPrefix: 'same' }));
      const elastic = recorder.requests.splice(0);
      await exercise(new OpenSearchTraceStore({ node: recorder.url, indexPrefix: 'same' }));
      const open = recorder.requests.splice(0);

      expect(elastic.length).toBeGreaterThanOrEqual(8);
      const asElasticsearch = JSON.parse(JSON.stringify(open).replaceAll('"flat_object"', '"flattened"')) as Recorded[];
      expect(asElasticsearch).toEqual(elastic);
      expect(JSON.stringify(open)).toContain('"flat_object"');
      expect(JSON.stringify(elastic)).not.toContain('"flat_object"');
    } finally {
      recorder.server.close();
    }
  });
});
