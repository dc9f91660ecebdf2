import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { LogPageDto, MetricSeriesResponse, TraceDto, TracePageDto } from '@architech/contracts';
import { CurrentUser, type AuthUser } from '@architech/service-kit';
import { TelemetryQueryService } from '../services/telemetry-query.service';

@Controller('api/simulations/:id')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @Get('metrics')
  metrics(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<MetricSeriesResponse> {
    return this.telemetry.metricSeries(id, query, user);
  }

  @Get('traces')
  traces(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<TracePageDto> {
    return this.telemetry.traceList(id, query, user);
  }

  /** Many traces with their spans in one request (the replay's sample): `{ traceIds }`, at most 500. */
  @Post('traces/batch')
  @HttpCode(200)
  traceBatch(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<{ traces: TraceDto[] }> {
    return this.telemetry.traceBatch(id, body, user);
  }

  @Get('traces/:traceId')
  trace(@Param('id') id: string, @Param('traceId') traceId: string, @CurrentUser() user: AuthUser): Promise<TraceDto> {
    return this.telemetry.trace(id, traceId, user);
  }

  @Get('logs')
  logs(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<LogPageDto> {
    return this.telemetry.logs(id, query, user);
  }
}
