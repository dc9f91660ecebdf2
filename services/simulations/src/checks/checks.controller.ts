import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { checkHistoryQuerySchema, startCheckRunSchema, type CheckHistoryDto, type CheckRunDto } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { z } from 'zod';
import { CheckHistoryService } from './check-history.service';
import { CheckRunsService } from './check-runs.service';

/** A body or query is read before the id it goes with, so a bad one is a 400 whatever the id. */
@Controller('api')
export class ChecksController {
  constructor(
    private readonly runs: CheckRunsService,
    private readonly history: CheckHistoryService,
  ) {}

  @Post('designs/:id/checks')
  @HttpCode(202)
  start(@Body(ZodPipe(startCheckRunSchema, 'check run')) request: z.output<typeof startCheckRunSchema>, @Param('id', UuidParam('design')) designId: string, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'RUNNING' }> {
    return this.runs.start(designId, request, user);
  }

  @Get('checks/:id')
  get(@Param('id', UuidParam('check run')) id: string, @CurrentUser() user: AuthUser): Promise<CheckRunDto> {
    return this.runs.get(id, user);
  }

  @Get('projects/:id/checks')
  async list(@Param('id', UuidParam('project')) projectId: string, @CurrentUser() user: AuthUser): Promise<{ checkRuns: CheckRunDto[] }> {
    return { checkRuns: await this.runs.list(projectId, user) };
  }

  @Get('projects/:id/checks/history')
  getHistory(@Query(ZodPipe(checkHistoryQuerySchema, 'history query')) query: z.output<typeof checkHistoryQuerySchema>, @Param('id', UuidParam('project')) projectId: string, @CurrentUser() user: AuthUser): Promise<CheckHistoryDto> {
    return this.history.history(projectId, query.window, user);
  }
}
