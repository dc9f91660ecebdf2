import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { saveDesignSchema, type DesignDiffDto, type DesignVersionDto, type DesignVersionSummaryDto } from '@architech/contracts';
import { CurrentUser, parseInput, type AuthUser } from '@architech/service-kit';
import { z } from 'zod';
import { DesignsService } from '../services/designs.service';

const diffQuerySchema = z.object({ against: z.guid() });

/** Design versions of a project. A saved version is immutable: there is no PUT, PATCH or DELETE. */
@Controller('api')
export class DesignsController {
  constructor(private readonly designs: DesignsService) {}

  @Post('projects/:projectId/designs')
  save(@Param('projectId') projectId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<DesignVersionDto> {
    return this.designs.save(projectId, user.id, parseInput(saveDesignSchema, body, 'design'), body);
  }

  @Get('projects/:projectId/designs')
  async list(@Param('projectId') projectId: string, @CurrentUser() user: AuthUser): Promise<{ designs: DesignVersionSummaryDto[] }> {
    return { designs: await this.designs.listLatest(projectId, user.id) };
  }

  @Get('designs/:id')
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<DesignVersionDto> {
    return this.designs.get(id, user.id);
  }

  @Get('designs/:id/versions')
  async versions(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<{ versions: DesignVersionSummaryDto[] }> {
    return { versions: await this.designs.versionsOf(id, user.id) };
  }

  @Get('designs/:id/diff')
  diff(@Param('id') id: string, @Query() query: unknown, @CurrentUser() user: AuthUser): Promise<DesignDiffDto> {
    return this.designs.diff(id, parseInput(diffQuerySchema, query, 'diff query').against, user.id);
  }
}
