import { Controller, Get, Param, Query } from '@nestjs/common';
import { CurrentUser, type AuthUser, type MetricSeries, type StoredLog, type StoredTrace, type TraceSummary } from '@architech/service-kit';
import { TelemetryQueryService } from '../services/telemetry-query.service';

@Controller('api/simulations/:id')
export class TelemetryController {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @Get('metrics')
  metrics(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<{ series: MetricSeries[] }> {
    return this.telemetry.metricSeries(id, query, user);
  }

  @Get('traces')
  traces(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<{ total: number; traces: TraceSummary[] }> {
    return this.telemetry.traceList(id, query, user);
  }

  @Get('traces/:traceId')
  trace(@Param('id') id: string, @Param('traceId') traceId: string, @CurrentUser() user: AuthUser): Promise<StoredTrace> {
    return this.telemetry.trace(id, traceId, user);
  }

  @Get('logs')
  logs(@Param('id') id: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser): Promise<{ total: number; logs: StoredLog[] }> {
    return this.telemetry.logs(id, query, user);
  }
}
