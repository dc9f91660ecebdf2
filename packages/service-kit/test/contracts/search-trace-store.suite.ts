import type { SpanDocument } from '../../src/adapters/traces/elasticsearch-trace-documents';
import { traceIndexNames, type SearchEngineFlavor } from '../../src/adapters/traces/elasticsearch-trace-templates';
import type { SearchTraceStore } from '../../src/adapters/traces/search-trace-store';
import { describeTraceStoreContract } from './trace-store.contract';
import { sampleTraces, traceIdOf } from './trace-store.fixtures';

/**
 * The trace store contract plus the document shape, against a real search engine: the
 * Elasticsearch and OpenSearch adapters build the same request bodies (SearchTraceStore), so this
 * suite on either engine checks what both send. Indices and templates are this run's own and
 * removed afterwards: the cluster may be shared. Admin requests are plain HTTP, engine-neutral.
 */
export function describeSearchTraceStore(
  product: string,
  url: string,
  flavor: SearchEngineFlavor,
  make: (options: { node: string; indexPrefix: string; refresh: boolean }) => SearchTraceStore,
): void {
  const prefix = `architech-test-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
  const names = traceIndexNames(prefix);
  const admin = async <T>(method: string, path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${url.replace(/\/+$/, '')}/${path}`, { method });
    return { status: response.status, body: (await response.json()) as T };
  };

  const open = async () => {
    const store = make({ node: url, indexPrefix: prefix, refresh: true });
    await store.ensureTemplates();
    return store;
  };

  afterAll(async () => {
    await admin('DELETE', `${names.spans},${names.traces},${names.logs}?ignore_unavailable=true`);
    for (const name of [names.spans, names.traces, names.logs]) await admin('DELETE', `_index_template/${name}`);
  });

  describeTraceStoreContract(product, open);

  describe(`the ${product} trace store`, () => {
    it('indexes OpenTelemetry-shaped span documents under <simulation>:<span id>, mapped by its templates', async () => {
      const store = await open();
      try {
        const simulationId = `sim-shape-${process.pid}`;
        const [trace] = sampleTraces();
        await store.writeTraces(simulationId, [trace]);
        const span = trace.spans[2];
        const doc = await admin<{ _source: SpanDocument }>('GET', `${names.spans}/_doc/${encodeURIComponent(`${simulationId}:${span.spanId}`)}`);
        expect(doc.status).toBe(200);
        expect(doc.body._source).toMatchObject({
          trace_id: traceIdOf(3),
          span_id: span.spanId,
          parent_span_id: trace.spans[1].spanId,
          kind: 'SERVER',
          status: { code: 'OK' },
          resource: { attributes: { 'service.name': 'web', 'architech.component.type': 'SERVICE' } },
        });
        type Mappings = Record<string, { mappings: { properties: Record<string, unknown> } }>;
        const mappings = (await admin<Mappings>('GET', `${names.spans},${names.logs}/_mapping`)).body;
        const spanFields = mappings[names.spans].mappings.properties;
        expect(spanFields.attributes).toEqual({ type: flavor === 'opensearch' ? 'flat_object' : 'flattened' });
        expect(spanFields.trace_id).toEqual({ type: 'keyword' });
        expect(mappings[names.logs].mappings.properties.message).toMatchObject({ type: 'text', fields: { keyword: { type: 'keyword' } } });
      } finally {
        await store.close();
      }
    });

    it('stores every span of a trace whose attributes mix strings, numbers and booleans', async () => {
      const store = await open();
      try {
        const simulationId = `sim-attrs-${process.pid}`;
        const [trace] = sampleTraces();
        const mixed = { ...trace, spans: trace.spans.map((s, i) => ({ ...s, attributes: { ...s.attributes, 'http.status_code': 200 + i, 'cache.hit': i % 2 === 0, note: `span ${i}` } })) };
        await store.writeTraces(simulationId, [mixed]);
        const stored = await store.getTrace(simulationId, trace.traceId);
        expect(stored?.spans.map((s) => s.attributes)).toEqual(mixed.spans.map((s) => s.attributes));
      } finally {
        await store.close();
      }
    });
  });
}
