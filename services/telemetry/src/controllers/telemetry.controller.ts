import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { logQuerySchema, metricBatchSchema, metricQuerySchema, traceQuerySchema, traceSampleQuerySchema, type LogPageDto, type MetricBatchResponse, type MetricSeriesResponse, type TraceDto, type TracePageDto } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import { traceBatchSchema, TelemetryQueryService, type LogQuery, type MetricBatch, type MetricQuery, type TraceBatch, type TraceQuery, type TraceSampleQuery } from '../services/telemetry-query.service';

/** A simulation's telemetry, for members of its project; queries and bodies are read here, at the edge. */
@Controller('api/simulations/:id')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @Get('metrics')
  metrics(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(metricQuerySchema, 'metrics query')) query: MetricQuery, @CurrentUser() user: AuthUser): Promise<MetricSeriesResponse> {
    return this.telemetry.metricSeries(id, query, user);
  }

  /** Several metrics queries over one window in one request (a dashboard's every chart): `{ queries, from?, to?, maxPoints? }`. */
  @Post('metrics/batch')
  @HttpCode(200)
  metricBatch(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(metricBatchSchema, 'metrics batch')) body: MetricBatch, @CurrentUser() user: AuthUser): Promise<MetricBatchResponse> {
    return this.telemetry.metricBatch(id, body, user);
  }

  @Get('traces')
  traces(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(traceQuerySchema, 'traces query')) query: TraceQuery, @CurrentUser() user: AuthUser): Promise<TracePageDto> {
    return this.telemetry.traceList(id, query, user);
  }

  /** Many traces with their spans in one request (the replay's sample): `{ traceIds }`, at most 500. */
  @Post('traces/batch')
  @HttpCode(200)
  traceBatch(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(traceBatchSchema, 'trace batch')) body: TraceBatch, @CurrentUser() user: AuthUser): Promise<{ traces: TraceDto[] }> {
    return this.telemetry.traceBatch(id, body.traceIds, user);
  }

  /** A sample of the run's traces with their spans, spread over the run (the replay's dots): `?size=` 1–500, default 240. Before `traces/:traceId`, which would take `sample` for an id. */
  @Get('traces/sample')
  traceSample(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(traceSampleQuerySchema, 'trace sample query')) query: TraceSampleQuery, @CurrentUser() user: AuthUser): Promise<{ traces: TraceDto[] }> {
    return this.telemetry.traceSample(id, query, user);
  }

  @Get('traces/:traceId')
  trace(@Param('id', UuidParam('simulation')) id: string, @Param('traceId') traceId: string, @CurrentUser() user: AuthUser): Promise<TraceDto> {
    return this.telemetry.trace(id, traceId, user);
  }

  @Get('logs')
  logs(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(logQuerySchema, 'logs query')) query: LogQuery, @CurrentUser() user: AuthUser): Promise<LogPageDto> {
    return this.telemetry.logs(id, query, user);
  }
}
