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
import { traceIndexNames, traceIndexTemplates, type SearchEngineFlavor, type TraceIndexNames, type TraceIndexTemplate } from './elasticsearch-trace-templates';
import { tracesInOrder } from './trace-batch';
import { TraceStoreError } from './trace-store-error';
import { DEFAULT_PAGE_LIMIT } from './trace-summary';

/** A query clause as both engines take it (the Query DSL they share). */
export type SearchQueryClause = Record<string, unknown>;

/** The body of one search: filter context only, sorted, paged, with an exact total. */
export interface SearchRequestBody {
  query: { bool: { filter: SearchQueryClause[] } };
  sort: Record<string, 'asc' | 'desc'>[];
  from: number;
  size: number;
  track_total_hits: true;
}

/** One bulk item's outcome, as both engines report it. */
export interface BulkItemOutcome {
  id: string;
  status: number;
  error?: string;
}

/**
 * What the trace store needs from a search engine client. The store builds every request body
 * (index templates, bulk lines, searches, delete-by-query); a transport only hands them to its
 * client library in the shape that library takes, so Elasticsearch and OpenSearch are sent the
 * same bodies and one contract suite checks both.
 */
export interface SearchEngineTransport {
  /** "Elasticsearch" or "OpenSearch", for error messages. */
  readonly product: string;
  /** Which mapping types the engine has (`flattened` or `flat_object`). */
  readonly flavor: SearchEngineFlavor;
  putIndexTemplate(template: TraceIndexTemplate): Promise<void>;
  /** Sends bulk `index` lines (action, document, action, document, …); resolves with each item's outcome. */
  bulk(operations: object[], refresh: boolean): Promise<BulkItemOutcome[]>;
  search<Doc>(index: string, body: SearchRequestBody): Promise<{ total: number; docs: Doc[] }>;
  refresh(indices: string[]): Promise<void>;
  deleteByQuery(indices: string[], query: SearchQueryClause, refresh: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Settings shared by the Elasticsearch and OpenSearch trace stores. */
export interface SearchTraceStoreSettings {
  /** Index and template names start with it: `<prefix>-spans`, `<prefix>-traces`, `<prefix>-logs`. */
  indexPrefix?: string;
  /**
   * Refresh the written indices after every write, so the next query sees it. For tests only:
   * in production the index's periodic refresh (1 s) is what keeps bulk indexing cheap.
   */
  refresh?: boolean;
}

/** Documents per bulk request: a few MB at most, well under both engines' 100 MB request limit. */
const BULK_DOCUMENTS = 5000;
/** Spans one search returns at most: the engines' default `index.max_result_window` (from + size). */
const MAX_SPANS_PER_SEARCH = 10_000;

/** Simulation ids in one delete-by-query's `terms` clause (far below the engines' 65,536-term limit). */
const DELETE_SIMULATIONS_PER_REQUEST = 500;

/**
 * The trace and log store on a search engine (the distributed adapter), with OpenTelemetry-shaped
 * span documents. Every document's `_id` is `<simulationId>:<spanId|traceId|logId>`, so a
 * redelivered batch overwrites the same documents instead of adding copies.
 */
export class SearchTraceStore implements TraceStore {
  private readonly prefix: string;
  private readonly indices: TraceIndexNames;
  private readonly refresh: boolean;

  constructor(
    private readonly transport: SearchEngineTransport,
    settings: SearchTraceStoreSettings,
  ) {
    this.prefix = settings.indexPrefix ?? 'architech';
    this.indices = traceIndexNames(this.prefix);
    this.refresh = settings.refresh ?? false;
  }

  /** Puts the index templates (idempotent; re-run on every start so mapping changes roll out to new indices). */
  async ensureTemplates(): Promise<void> {
    for (const template of traceIndexTemplates(this.prefix, this.transport.flavor)) await this.transport.putIndexTemplate(template);
  }

  async writeTraces(simulationId: string, traces: StoredTrace[]): Promise<void> {
    const entries: BulkEntry[] = [];
    for (const trace of traces) {
      for (const span of trace.spans) {
        entries.push({ index: this.indices.spans, id: `${simulationId}:${span.spanId}`, doc: spanDocument(simulationId, span) });
      }
      entries.push({ index: this.indices.traces, id: `${simulationId}:${trace.traceId}`, doc: traceDocument(simulationId, trace) });
    }
    await this.bulkIndex(simulationId, entries);
  }

  async writeLogs(simulationId: string, logs: StoredLog[]): Promise<void> {
    const entries = logs.map((log) => ({ index: this.indices.logs, id: `${simulationId}:${log.id}`, doc: logDocument(simulationId, log) }));
    await this.bulkIndex(simulationId, entries);
  }

  async queryTraces(query: TraceQuery): Promise<{ total: number; traces: TraceSummary[] }> {
    const filter: SearchQueryClause[] = [{ term: { simulation_id: query.simulationId } }];
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

  async getTraces(simulationId: string, traceIds: readonly string[]): Promise<StoredTrace[]> {
    const ids = [...new Set(traceIds)];
    if (ids.length === 0) return [];
    const simulation = { term: { simulation_id: simulationId } };
    const found = await this.search<TraceDocument>(this.indices.traces, [simulation, { terms: { trace_id: ids } }], [{ start_time_ms: 'asc' }], { limit: ids.length });
    // The spans of as many traces per search as fit one page of results (their summaries count them).
    const groups: TraceDocument[][] = [];
    let spansInGroup = Infinity;
    for (const doc of found.docs) {
      if (spansInGroup + doc.span_count > MAX_SPANS_PER_SEARCH) {
        groups.push([]);
        spansInGroup = 0;
      }
      groups[groups.length - 1].push(doc);
      spansInGroup += doc.span_count;
    }
    const spans: SpanDocument[] = [];
    for (const group of groups) {
      const limit = Math.max(1, group.reduce((sum, doc) => sum + doc.span_count, 0));
      // getTrace's order within each trace: by start, the longer span first, then by id.
      const page = await this.search<SpanDocument>(this.indices.spans, [simulation, { terms: { trace_id: group.map((doc) => doc.trace_id) } }], [{ start_time_ms: 'asc' }, { end_time_ms: 'desc' }, { span_id: 'asc' }], { limit });
      spans.push(...page.docs);
    }
    return tracesInOrder(
      ids,
      { rows: found.docs, traceIdOf: (doc) => doc.trace_id, summaryOf: traceFromDocument },
      { rows: spans, traceIdOf: (doc) => doc.trace_id, spanOf: spanFromDocument },
    );
  }

  async queryLogs(query: LogQuery): Promise<{ total: number; logs: StoredLog[] }> {
    const filter: SearchQueryClause[] = [{ term: { simulation_id: query.simulationId } }];
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
    const indices = [this.indices.spans, this.indices.traces, this.indices.logs];
    // delete_by_query only sees searchable documents: refresh first, or a batch written within the
    // last refresh interval would survive the delete.
    await this.transport.refresh(indices);
    await this.transport.deleteByQuery(indices, { term: { simulation_id: simulationId } }, this.refresh);
  }

  /**
   * One delete-by-query over the three indices for a few hundred simulations at a time: the engine
   * deletes in scroll batches of its own, and a bounded `terms` list keeps each request small.
   */
  async deleteSimulations(simulationIds: readonly string[]): Promise<void> {
    if (simulationIds.length === 0) return;
    const indices = [this.indices.spans, this.indices.traces, this.indices.logs];
    await this.transport.refresh(indices);
    for (let from = 0; from < simulationIds.length; from += DELETE_SIMULATIONS_PER_REQUEST) {
      await this.transport.deleteByQuery(indices, { terms: { simulation_id: simulationIds.slice(from, from + DELETE_SIMULATIONS_PER_REQUEST) } }, this.refresh);
    }
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  /** Indexes `entries` in bulk requests; any document the engine rejected fails the whole write so the batch is redelivered. */
  private async bulkIndex(simulationId: string, entries: BulkEntry[]): Promise<void> {
    const rejected: BulkItemOutcome[] = [];
    for (let from = 0; from < entries.length; from += BULK_DOCUMENTS) {
      const operations = entries.slice(from, from + BULK_DOCUMENTS).flatMap((entry) => [{ index: { _index: entry.index, _id: entry.id } }, entry.doc]);
      const outcomes = await this.transport.bulk(operations, this.refresh);
      rejected.push(...outcomes.filter((o) => o.status >= 300));
    }
    if (rejected.length > 0) {
      const first = rejected[0];
      throw new TraceStoreError(
        'write_failed',
        `${this.transport.product} rejected ${rejected.length} of ${entries.length} documents of simulation ${simulationId}; first: ${first.id} (${first.status}: ${first.error ?? 'unknown'})`,
        { simulationId, failed: rejected.length, total: entries.length, dropped: rejected.slice(0, 10) },
      );
    }
  }

  /** One page of `index` under `filter`, with the exact total of all matches. */
  private search<Doc>(index: string, filter: SearchQueryClause[], sort: SearchRequestBody['sort'], paging: { limit?: number; offset?: number }): Promise<{ total: number; docs: Doc[] }> {
    return this.transport.search<Doc>(index, { query: { bool: { filter } }, sort, from: paging.offset ?? 0, size: paging.limit ?? DEFAULT_PAGE_LIMIT, track_total_hits: true });
  }
}

/** One bulk action: which index, which `_id`, which document. */
interface BulkEntry {
  index: string;
  id: string;
  doc: SpanDocument | TraceDocument | LogDocument;
}

/** A bulk response's items as outcomes (both engines answer `{ items: [{ index: { _id, status, error } }] }`). */
export function bulkOutcomes(items: readonly Record<string, { _id?: string | null; status: number; error?: { type?: string; reason?: string | null } } | undefined>[]): BulkItemOutcome[] {
  return items.map((item) => {
    const result = Object.values(item)[0]!;
    const error = result.error ? (result.error.reason ?? result.error.type ?? 'unknown') : undefined;
    return error === undefined ? { id: result._id ?? '', status: result.status } : { id: result._id ?? '', status: result.status, error };
  });
}

/** A hits total as a number (`track_total_hits: true` makes it exact on both engines). */
export function totalOf(total: number | { value: number } | undefined): number {
  return typeof total === 'number' ? total : (total?.value ?? 0);
}
