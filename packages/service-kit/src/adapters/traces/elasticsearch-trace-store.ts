import { Client, type ClientOptions, type estypes } from '@elastic/elasticsearch';
import type { LogQuery, StoredLog, StoredTrace, TraceQuery, TraceStore, TraceSummary } from '../../ports/trace-store.port';
import {
  logDocument,
  logFromDocument,
  spanDocument,
  spanFromDocument,
  traceDocument,
  traceFromDocument,
  type LogDocument,
  type SpanDocument,
  type TraceDocument,
} from './elasticsearch-trace-documents';
import { traceIndexNames, traceIndexTemplates, type TraceIndexNames } from './elasticsearch-trace-templates';
import { TraceStoreError } from './trace-store-error';
import { DEFAULT_PAGE_LIMIT } from './trace-summary';

export interface ElasticsearchTraceStoreOptions {
  /** Elasticsearch URL, e.g. `http://elasticsearch:9200`. */
  node: string;
  /** Index and template names start with it: `<prefix>-spans`, `<prefix>-traces`, `<prefix>-logs`. */
  indexPrefix?: string;
  auth?: ClientOptions['auth'];
  /**
   * Refresh the written indices after every write, so the next query sees it. For tests only:
   * in production the index's periodic refresh (1 s) is what keeps bulk indexing cheap.
   */
  refresh?: boolean;
}

/** One bulk action: which index, which `_id`, which document. */
interface BulkEntry {
  index: string;
  id: string;
  doc: SpanDocument | TraceDocument | LogDocument;
}

/**
 * The trace and log store on Elasticsearch (the distributed adapter), with OpenTelemetry-shaped
 * span documents. Every document's `_id` is `<simulationId>:<spanId|traceId|logId>`, so a
 * redelivered batch overwrites the same documents instead of adding copies.
 *
 * @example
 * ```ts
 * const store = new ElasticsearchTraceStore({ node: 'http://localhost:9200' });
 * await store.ensureTemplates();
 * await store.writeTraces(simulationId, traces);
 * ```
 */
export class ElasticsearchTraceStore implements TraceStore {
  private readonly client: Client;
  private readonly prefix: string;
  private readonly indices: TraceIndexNames;
  private readonly refresh: boolean;

  constructor(options: ElasticsearchTraceStoreOptions) {
    this.client = new Client({ node: options.node, auth: options.auth });
    this.prefix = options.indexPrefix ?? 'architech';
    this.indices = traceIndexNames(this.prefix);
    this.refresh = options.refresh ?? false;
  }

  /** Puts the index templates (idempotent; re-run on every start so mapping changes roll out to new indices). */
  async ensureTemplates(): Promise<void> {
    for (const template of traceIndexTemplates(this.prefix)) await this.client.indices.putIndexTemplate(template);
  }

  async writeTraces(simulationId: string, traces: StoredTrace[]): Promise<void> {
    const entries: BulkEntry[] = [];
    for (const trace of traces) {
      for (const span of trace.spans) {
        entries.push({ index: this.indices.spans, id: `${simulationId}:${span.spanId}`, doc: spanDocument(simulationId, span) });
      }
      entries.push({ index: this.indices.traces, id: `${simulationId}:${trace.traceId}`, doc: traceDocument(simulationId, trace) });
    }
    await this.bulkIndex(simulationId, entries, [this.indices.spans, this.indices.traces]);
  }

  async writeLogs(simulationId: string, logs: StoredLog[]): Promise<void> {
    const entries = logs.map((log) => ({ index: this.indices.logs, id: `${simulationId}:${log.id}`, doc: logDocument(simulationId, log) }));
    await this.bulkIndex(simulationId, entries, [this.indices.logs]);
  }

  async queryTraces(query: TraceQuery): Promise<{ total: number; traces: TraceSummary[] }> {
    const filter: estypes.QueryDslQueryContainer[] = [{ term: { simulation_id: query.simulationId } }];
    if (query.status !== undefined) filter.push({ term: { status: query.status } });
    if (query.minDurationMs !== undefined) filter.push({ range: { duration_ms: { gte: query.minDurationMs } } });
    if (query.componentId !== undefined) filter.push({ term: { components: query.componentId } });
    const { total, docs } = await this.search<TraceDocument>(this.indices.traces, filter, [{ start_time_ms: 'asc' }, { trace_id: 'asc' }], query);
    return { total, traces: docs.map(traceFromDocument) };
  }

  async getTrace(simulationId: string, traceId: string): Promise<StoredTrace | undefined> {
    const found = await this.search<TraceDocument>(this.indices.traces, [{ term: { simulation_id: simulationId } }, { term: { trace_id: traceId } }], [{ start_time_ms: 'asc' }], { limit: 1 });
    const doc = found.docs[0];
    if (doc === undefined) return undefined;
    // The summary knows how many spans to ask for. On equal starts the longer span first keeps a
    // parent ahead of the children it encloses (the same order as the Postgres adapter).
    const spans = await this.search<SpanDocument>(
      this.indices.spans,
      [{ term: { simulation_id: simulationId } }, { term: { trace_id: traceId } }],
      [{ start_time_ms: 'asc' }, { end_time_ms: 'desc' }, { span_id: 'asc' }],
      { limit: Math.max(doc.span_count, 1) },
    );
    const { spanCount: _spanCount, components: _components, ...root } = traceFromDocument(doc);
    return { ...root, spans: spans.docs.map(spanFromDocument) };
  }

  async queryLogs(query: LogQuery): Promise<{ total: number; logs: StoredLog[] }> {
    const filter: estypes.QueryDslQueryContainer[] = [{ term: { simulation_id: query.simulationId } }];
    const q = query.q?.trim();
    // Every word must occur, as with Postgres's websearch_to_tsquery; in filter context because
    // results are ordered by simulated time, not by relevance.
    if (q) filter.push({ match: { message: { query: q, operator: 'and' } } });
    if (query.level !== undefined) filter.push({ term: { level: query.level } });
    if (query.componentId !== undefined) filter.push({ term: { component_id: query.componentId } });
    const { total, docs } = await this.search<LogDocument>(this.indices.logs, filter, [{ time_ms: 'asc' }, { id: 'asc' }], query);
    return { total, logs: docs.map(logFromDocument) };
  }

  async deleteSimulation(simulationId: string): Promise<void> {
    const index = [this.indices.spans, this.indices.traces, this.indices.logs];
    // delete_by_query only sees searchable documents: refresh first, or a batch written within the
    // last refresh interval would survive the delete.
    await this.client.indices.refresh({ index, ignore_unavailable: true });
    await this.client.deleteByQuery({
      index,
      query: { term: { simulation_id: simulationId } },
      conflicts: 'proceed',
      ignore_unavailable: true,
      refresh: this.refresh,
    });
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Indexes `entries` with the bulk helper; any document it had to drop fails the whole write so the batch is redelivered. */
  private async bulkIndex(simulationId: string, entries: BulkEntry[], indices: string[]): Promise<void> {
    if (entries.length === 0) return;
    const dropped: { id: string; status: number; error: string }[] = [];
    const stats = await this.client.helpers.bulk<BulkEntry>({
      datasource: entries,
      onDocument: (entry) => [{ index: { _index: entry.index, _id: entry.id } }, entry.doc],
      onDrop: (drop) => dropped.push({ id: drop.document.id, status: drop.status, error: drop.error?.reason ?? drop.error?.type ?? 'unknown' }),
      refreshOnCompletion: this.refresh ? indices.join(',') : false,
    });
    if (stats.failed > 0) {
      const first = dropped[0];
      throw new TraceStoreError(
        'write_failed',
        `Elasticsearch rejected ${stats.failed} of ${stats.total} documents of simulation ${simulationId}; first: ${first?.id} (${first?.status}: ${first?.error})`,
        { simulationId, failed: stats.failed, total: stats.total, dropped: dropped.slice(0, 10) },
      );
    }
  }

  /** One page of `index` under `filter`, with the exact total of all matches. */
  private async search<Doc>(
    index: string,
    filter: estypes.QueryDslQueryContainer[],
    sort: estypes.SortCombinations[],
    paging: { limit?: number; offset?: number },
  ): Promise<{ total: number; docs: Doc[] }> {
    const response = await this.client.search<Doc>({
      index,
      // Before the first write the index does not exist yet: that is an empty result, not an error.
      ignore_unavailable: true,
      query: { bool: { filter } },
      sort,
      from: paging.offset ?? 0,
      size: paging.limit ?? DEFAULT_PAGE_LIMIT,
      track_total_hits: true,
    });
    const total = response.hits.total;
    return {
      total: typeof total === 'number' ? total : (total?.value ?? 0),
      docs: response.hits.hits.map((hit) => hit._source as Doc),
    };
  }
}
