import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { END_TO_END, METRIC_NAMES, type MetricSeriesDto, type TraceDto } from '@architech/contracts';
import { Internal, UuidParam, ZodPipe, type MetricStore, type TraceStore } from '@architech/service-kit';
import { z } from 'zod';
import { METRIC_STORE, TRACE_STORE } from '../tokens';

/** Trace summaries read per page while looking for the slowest, and the most pages read (a search store pages no deeper than 10 000). */
const PAGE = 1000;
const MAX_PAGES = 10;

const reportDataQuery = z.strictObject({
  metrics: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(METRIC_NAMES)).min(1).max(METRIC_NAMES.length)),
  slowest: z.coerce.number().int().min(0).max(20).default(3),
  failed: z.coerce.number().int().min(0).max(20).default(3),
  maxPoints: z.coerce.number().int().min(10).max(5000).default(600),
});

/**
 * Service-to-service: what a run report draws (docs/reports.md) — end-to-end series of a few
 * metrics, the slowest successful and the first failed kept traces with their spans. Asked by the
 * simulations service, which has already checked the caller's access to the run.
 */
@Internal()
@Controller('internal/telemetry')
export class InternalTelemetryController {
  constructor(
    @Inject(METRIC_STORE) private readonly metrics: MetricStore,
    @Inject(TRACE_STORE) private readonly traces: TraceStore,
  ) {}

  @Get(':id/report-data')
  async reportData(@Param('id', UuidParam('simulation')) simulationId: string, @Query(ZodPipe(reportDataQuery, 'report data query')) q: z.output<typeof reportDataQuery>): Promise<{ series: MetricSeriesDto[]; slowest: TraceDto[]; failed: TraceDto[] }> {
    const series: MetricSeriesDto[] = [];
    for (const metric of q.metrics) series.push(...(await this.metrics.query({ simulationId, metric, componentIds: [END_TO_END], maxPoints: q.maxPoints })));
    const slowestIds = q.slowest > 0 ? await this.slowestOk(simulationId, q.slowest) : [];
    const failedIds = q.failed > 0 ? (await this.traces.queryTraces({ simulationId, status: 'ERROR', limit: q.failed })).traces.map((t) => t.traceId) : [];
    const load = async (ids: string[]) => (await Promise.all(ids.map((id) => this.traces.getTrace(simulationId, id)))).filter((t): t is TraceDto => t !== undefined);
    return { series, slowest: await load(slowestIds), failed: await load(failedIds) };
  }

  /** Ids of the `n` longest successful traces: the store lists by start time, so every page is read once. */
  private async slowestOk(simulationId: string, n: number): Promise<string[]> {
    let best: { traceId: string; durationMs: number }[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const { total, traces } = await this.traces.queryTraces({ simulationId, status: 'OK', limit: PAGE, offset: page * PAGE });
      best = [...best, ...traces].sort((a, b) => b.durationMs - a.durationMs).slice(0, n);
      if (traces.length < PAGE || (page + 1) * PAGE >= total) break;
    }
    return best.map((t) => t.traceId);
  }
}
