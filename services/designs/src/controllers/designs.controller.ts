import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { DesignDiffDto, DesignVersionSummaryDto } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { DesignsService } from '../services/designs.service';
import { SaveDesignPipe } from '../services/save-design-reader';
import type { PreparedSave } from '../services/save-design-request';

const diffQuerySchema = z.object({ against: z.guid() });

/**
 * Design versions of a project. A saved version is immutable: there is no PUT, PATCH or DELETE.
 * A body or query is read before the id it goes with, so a bad one is a 400 whatever the id.
 */
@Controller('api')
export class DesignsController {
  constructor(private readonly designs: DesignsService) {}

  /** A DesignVersionDto (201), sent as text whose graph was serialised once (DesignsService.saveJson). */
  @Post('projects/:projectId/designs')
  async save(@Body(SaveDesignPipe) request: PreparedSave, @Param('projectId', UuidParam('project')) projectId: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const json = await this.designs.saveJson(projectId, user.id, request);
    // `end`, not `send`: an answer to a POST is never revalidated, so no ETag (a hash of ~60 kB).
    res.status(201).type('application/json').end(json);
  }

  @Get('projects/:projectId/designs')
  async list(@Param('projectId', UuidParam('project')) projectId: string, @CurrentUser() user: AuthUser): Promise<{ designs: DesignVersionSummaryDto[] }> {
    return { designs: await this.designs.listLatest(projectId, user.id) };
  }

  /** A DesignVersionDto, sent as text built from the cached graph (DesignsService.getJson). */
  @Get('designs/:id')
  async get(@Param('id', UuidParam('design')) id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const json = await this.designs.getJson(id, user.id);
    res.type('application/json').send(json);
  }

  @Get('designs/:id/versions')
  async versions(@Param('id', UuidParam('design')) id: string, @CurrentUser() user: AuthUser): Promise<{ versions: DesignVersionSummaryDto[] }> {
    return { versions: await this.designs.versionsOf(id, user.id) };
  }

  @Get('designs/:id/diff')
  diff(@Query(ZodPipe(diffQuerySchema, 'diff query')) query: z.output<typeof diffQuerySchema>, @Param('id', UuidParam('design')) id: string, @CurrentUser() user: AuthUser): Promise<DesignDiffDto> {
    return this.designs.diff(id, query.against, user.id);
  }
}
