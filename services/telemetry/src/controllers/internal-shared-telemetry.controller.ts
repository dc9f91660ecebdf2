import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { logQuerySchema, metricBatchSchema, metricQuerySchema, traceQuerySchema, traceSampleQuerySchema, type LogPageDto, type MetricBatchResponse, type MetricSeriesResponse, type TraceDto, type TracePageDto } from '@architech/contracts';
import { Internal, UuidParam, ZodPipe } from '@architech/service-kit';
import { traceBatchSchema, TelemetryQueryService, TRUSTED_READER, type LogQuery, type MetricBatch, type MetricQuery, type TraceBatch, type TraceQuery, type TraceSampleQuery } from '../services/telemetry-query.service';

/**
 * Service-to-service: the same reads as {@link TelemetryController}, for the gateway serving a
 * share link it resolved to this run (docs/sharing.md). Internal token only; no user.
 */
@Internal()
@Controller('internal/simulations/:id')
export class InternalSharedTelemetryController {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @Get('metrics')
  metrics(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(metricQuerySchema, 'metrics query')) query: MetricQuery): Promise<MetricSeriesResponse> {
    return this.telemetry.metricSeries(id, query, TRUSTED_READER);
  }

  @Post('metrics/batch')
  @HttpCode(200)
  metricBatch(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(metricBatchSchema, 'metrics batch')) body: MetricBatch): Promise<MetricBatchResponse> {
    return this.telemetry.metricBatch(id, body, TRUSTED_READER);
  }

  @Get('traces')
  traces(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(traceQuerySchema, 'traces query')) query: TraceQuery): Promise<TracePageDto> {
    return this.telemetry.traceList(id, query, TRUSTED_READER);
  }

  @Post('traces/batch')
  @HttpCode(200)
  traceBatch(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(traceBatchSchema, 'trace batch')) body: TraceBatch): Promise<{ traces: TraceDto[] }> {
    return this.telemetry.traceBatch(id, body.traceIds, TRUSTED_READER);
  }

  @Get('traces/sample')
  traceSample(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(traceSampleQuerySchema, 'trace sample query')) query: TraceSampleQuery): Promise<{ traces: TraceDto[] }> {
    return this.telemetry.traceSample(id, query, TRUSTED_READER);
  }

  @Get('traces/:traceId')
  trace(@Param('id', UuidParam('simulation')) id: string, @Param('traceId') traceId: string): Promise<TraceDto> {
    return this.telemetry.trace(id, traceId, TRUSTED_READER);
  }

  @Get('logs')
  logs(@Param('id', UuidParam('simulation')) id: string, @Query(ZodPipe(logQuerySchema, 'logs query')) query: LogQuery): Promise<LogPageDto> {
    return this.telemetry.logs(id, query, TRUSTED_READER);
  }
}
