import { Client } from '@elastic/elasticsearch';
import type { SpanDocument } from '../src/adapters/traces/elasticsearch-trace-documents';
import { ElasticsearchTraceStore } from '../src/adapters/traces/elasticsearch-trace-store';
import { traceIndexNames } from '../src/adapters/traces/elasticsearch-trace-templates';
import { describeTraceStoreContract } from './contracts/trace-store.contract';
import { sampleTraces, traceIdOf } from './contracts/trace-store.fixtures';

/*
 * The Elasticsearch trace store against a real cluster. It needs one: set ELASTICSEARCH_URL
 * (e.g. http://127.0.0.1:9200, as docker compose runs it). Without it the whole suite is
 * describe.skip'ped, so jest reports every spec as skipped rather than passing untested.
 */

jest.setTimeout(60_000);

const ELASTICSEARCH_URL = process.env.ELASTICSEARCH_URL;
const describeWithElasticsearch = ELASTICSEARCH_URL ? describe : describe.skip;

describeWithElasticsearch('on Elasticsearch', () => {
  // Indices and templates of this run only, removed afterwards: the cluster may be shared.
  const prefix = `architech-test-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const names = traceIndexNames(prefix);
  let admin: Client;

  const open = async () => {
    const store = new ElasticsearchTraceStore({ node: ELASTICSEARCH_URL!, indexPrefix: prefix, refresh: true });
    await store.ensureTemplates();
    return store;
  };

  beforeAll(() => {
    admin = new Client({ node: ELASTICSEARCH_URL! });
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.indices.delete({ index: [names.spans, names.traces, names.logs], ignore_unavailable: true });
    for (const name of [names.spans, names.traces, names.logs]) await admin.indices.deleteIndexTemplate({ name }, { ignore: [404] });
    await admin.close();
  });

  describeTraceStoreContract('Elasticsearch', open);

  describe('the Elasticsearch trace store', () => {
    it('indexes OpenTelemetry-shaped span documents under <simulation>:<span id>, mapped by its templates', async () => {
      const store = await open();
      try {
        const simulationId = `sim-shape-${process.pid}`;
        const [trace] = sampleTraces();
        await store.writeTraces(simulationId, [trace]);
        const span = trace.spans[2];
        const doc = await admin.get<SpanDocument>({ index: names.spans, id: `${simulationId}:${span.spanId}` });
        expect(doc._source).toMatchObject({
          trace_id: traceIdOf(3),
          span_id: span.spanId,
          parent_span_id: trace.spans[1].spanId,
          kind: 'SERVER',
          status: { code: 'OK' },
          resource: { attributes: { 'service.name': 'web', 'architech.component.type': 'SERVICE' } },
        });
        const mappings = await admin.indices.getMapping({ index: [names.spans, names.logs] });
        const spanFields = mappings[names.spans].mappings.properties!;
        expect(spanFields.attributes).toEqual({ type: 'flattened' });
        expect(spanFields.trace_id).toEqual({ type: 'keyword' });
        expect(mappings[names.logs].mappings.properties!.message).toMatchObject({ type: 'text', fields: { keyword: { type: 'keyword' } } });
      } finally {
        await store.close();
      }
    });
  });
});
