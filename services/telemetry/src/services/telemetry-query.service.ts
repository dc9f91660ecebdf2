import { z } from 'zod';
import { Inject, Injectable } from '@nestjs/common';
import { logQuerySchema, metricBatchSchema, metricQuerySchema, pickSample, TRACE_SAMPLE_SOURCE, traceQuerySchema, traceSampleQuerySchema, type LogPageDto, type MetricBatchResponse, type MetricSeriesResponse, type TraceDto, type TracePageDto } from '@architech/contracts';
import { ApiException, type AuthUser, type MetricStore, type TraceStore } from '@architech/service-kit';
import { PeersRepository } from '../repositories/peers.repository';
import { METRIC_STORE, TRACE_STORE } from '../tokens';

/** The most traces one batch request returns (the replay asks for a sample of 240). */
export const MAX_TRACE_BATCH = 500;
/** Metric queries in flight at once while answering a batch. */
const BATCH_CONCURRENCY = 4;

/** The body of `POST …/traces/batch`. */
export const traceBatchSchema = z
  .object({ traceIds: z.array(z.string().regex(/^[0-9a-f]{32}$/, 'must be a 32-hex-digit trace id')).min(1).max(MAX_TRACE_BATCH) })
  .strict();

export type MetricQuery = z.output<typeof metricQuerySchema>;
export type TraceQuery = z.output<typeof traceQuerySchema>;
export type LogQuery = z.output<typeof logQuerySchema>;
export type TraceSampleQuery = z.output<typeof traceSampleQuerySchema>;
export type TraceBatch = z.output<typeof traceBatchSchema>;
export type MetricBatch = z.output<typeof metricBatchSchema>;

/**
 * Who reads: a signed-in user (a member of the run's project, checked here), or
 * {@link TRUSTED_READER}: a service-to-service call whose caller already decided the run may be
 * read (the gateway, for a share link it resolved to exactly this run; docs/sharing.md).
 */
export type Reader = AuthUser | typeof TRUSTED_READER;
export const TRUSTED_READER = 'trusted-internal-caller' as const;

/**
 * Queries over a simulation's metrics, traces and logs, for members of its project only (anyone
 * else: 404, as for a simulation that does not exist). Ids and queries arrive parsed (the
 * controller's pipes).
 */
@Injectable()
export class TelemetryQueryService {
  constructor(
    private readonly peers: PeersRepository,
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
  ) {}

  async metricSeries(simulationId: string, q: MetricQuery, user: Reader): Promise<MetricSeriesResponse> {
    await this.requireReader(simulationId, user);
    return { series: await this.metrics.query({ simulationId, metric: q.metric, componentIds: q.component, fromSec: q.from, toSec: q.to, maxPoints: q.maxPoints }) };
  }

  /**
   * Several metrics queries over one window in one request: the reader is checked once, the
   * queries run a few at a time, and each answer is what `GET …/metrics` would have answered.
   */
  async metricBatch(simulationId: string, batch: MetricBatch, user: Reader): Promise<MetricBatchResponse> {
    await this.requireReader(simulationId, user);
    const results = await inBatches(batch.queries, (q) => this.metrics.query({ simulationId, metric: q.metric, componentIds: q.component, fromSec: batch.from, toSec: batch.to, maxPoints: batch.maxPoints }));
    return { results: results.map((series) => ({ series })) };
  }

  async traceList(simulationId: string, q: TraceQuery, user: Reader): Promise<TracePageDto> {
    await this.requireReader(simulationId, user);
    return this.traces.queryTraces({ simulationId, status: q.status, minDurationMs: q.minDurationMs, componentId: q.component, limit: q.limit, offset: q.offset });
  }

  async trace(simulationId: string, traceId: string, user: Reader): Promise<TraceDto> {
    await this.requireReader(simulationId, user);
    const trace = await this.traces.getTrace(simulationId, traceId);
    if (!trace) throw ApiException.notFound('trace');
    return trace;
  }

  /**
   * The traces of `traceIds` with their spans, in the order asked; ids the run did not keep are
   * left out. One request instead of one per trace (the replay loads a sample of hundreds).
   */
  async traceBatch(simulationId: string, traceIds: string[], user: Reader): Promise<{ traces: TraceDto[] }> {
    await this.requireReader(simulationId, user);
    return { traces: await this.traces.getTraces(simulationId, traceIds) };
  }

  /**
   * `size` of the run's kept traces with their spans, spread over the run (a third failed ones:
   * `pickSample`), picked from the first {@link TRACE_SAMPLE_SOURCE} in start order: the replay's
   * request dots in one request and two store reads (the list, then the picked traces).
   */
  async traceSample(simulationId: string, q: TraceSampleQuery, user: Reader): Promise<{ traces: TraceDto[] }> {
    await this.requireReader(simulationId, user);
    const page = await this.traces.queryTraces({ simulationId, limit: TRACE_SAMPLE_SOURCE });
    const picked = pickSample(page.traces, q.size);
    return { traces: picked.length === 0 ? [] : await this.traces.getTraces(simulationId, picked.map((t) => t.traceId)) };
  }

  async logs(simulationId: string, q: LogQuery, user: Reader): Promise<LogPageDto> {
    await this.requireReader(simulationId, user);
    return this.traces.queryLogs({ simulationId, q: q.q, level: q.level, componentId: q.component, limit: q.limit, offset: q.offset });
  }

  private async requireReader(simulationId: string, user: Reader): Promise<void> {
    if (user === TRUSTED_READER) return;
    const projectId = await this.peers.projectOf(simulationId);
    const role = projectId ? await this.peers.roleOf(projectId, user.id) : undefined;
    if (!role) throw ApiException.notFound('simulation');
  }
}

/** `read` of every item, at most {@link BATCH_CONCURRENCY} at once, the answers in the items' order. */
async function inBatches<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      answers[i] = await read(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, items.length) }, worker));
  return answers;
}
