import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { CheckHistoryDto, CheckRunDto } from '@architech/contracts';
import { CurrentUser, type AuthUser } from '@architech/service-kit';
import { CheckHistoryService } from './check-history.service';
import { CheckRunsService } from './check-runs.service';

@Controller('api')
export class ChecksController {
  constructor(
    private readonly runs: CheckRunsService,
    private readonly history: CheckHistoryService,
  ) {}

  @Post('designs/:id/checks')
  @HttpCode(202)
  start(@Param('id') designId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<{ id: string; status: 'RUNNING' }> {
    return this.runs.start(designId, body, user);
  }

  @Get('checks/:id')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CheckRunDto> {
    return this.runs.get(id, user);
  }

  @Get('projects/:id/checks')
  async list(@Param('id') projectId: string, @CurrentUser() user: AuthUser): Promise<{ checkRuns: CheckRunDto[] }> {
    return { checkRuns: await this.runs.list(projectId, user) };
  }

  @Get('projects/:id/checks/history')
  getHistory(@Param('id') projectId: string, @Query() query: unknown, @CurrentUser() user: AuthUser): Promise<CheckHistoryDto> {
    return this.history.history(projectId, query, user);
  }
}
