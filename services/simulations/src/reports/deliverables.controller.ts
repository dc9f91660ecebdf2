import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { deliverableRequestSchema, type DeliverableDto, type DeliverableListResponse, type DeliverableRequest } from '@architech/contracts';
import { CurrentUser, Internal, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { Response } from 'express';
import type { DeliverableOwner } from './deliverable.repository';
import { DeliverablesService, type DeliverableContent } from './deliverables.service';

/** Sends a deliverable as an attachment with its type and name. */
function send(res: Response, file: DeliverableContent): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.body.length));
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.status(200).end(file.body);
}

const run = (id: string): DeliverableOwner => ({ kind: 'simulation', id });
const check = (id: string): DeliverableOwner => ({ kind: 'check', id });

/** A run's reports (docs/reports.md): editors generate them, members list, read and download them. */
@Controller('api/simulations/:id/deliverables')
export class DeliverablesController {
  constructor(private readonly deliverables: DeliverablesService) {}

  /** `{ format: 'html' | 'pdf' }` → 202 with the deliverable, `generating`; poll it for progress. */
  @Post()
  @HttpCode(202)
  request(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(deliverableRequestSchema, 'deliverable request')) body: DeliverableRequest, @CurrentUser() user: AuthUser): Promise<DeliverableDto> {
    return this.deliverables.request(run(id), body, user);
  }

  @Get()
  list(@Param('id', UuidParam('simulation')) id: string, @CurrentUser() user: AuthUser): Promise<DeliverableListResponse> {
    return this.deliverables.list(run(id), user);
  }

  @Get(':deliverableId')
  get(@Param('id', UuidParam('simulation')) id: string, @Param('deliverableId', UuidParam('deliverable')) deliverableId: string, @CurrentUser() user: AuthUser): Promise<DeliverableDto> {
    return this.deliverables.get(run(id), deliverableId, user);
  }

  /** The file itself, as an attachment; counts the download. Expired: 410 with the reason. */
  @Get(':deliverableId/content')
  async content(@Param('id', UuidParam('simulation')) id: string, @Param('deliverableId', UuidParam('deliverable')) deliverableId: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    send(res, await this.deliverables.download(run(id), deliverableId, user));
  }
}

/** A check run's reports: the same routes under `/api/checks/:id/deliverables`. */
@Controller('api/checks/:id/deliverables')
export class CheckDeliverablesController {
  constructor(private readonly deliverables: DeliverablesService) {}

  @Post()
  @HttpCode(202)
  request(@Param('id', UuidParam('check run')) id: string, @Body(ZodPipe(deliverableRequestSchema, 'deliverable request')) body: DeliverableRequest, @CurrentUser() user: AuthUser): Promise<DeliverableDto> {
    return this.deliverables.request(check(id), body, user);
  }

  @Get()
  list(@Param('id', UuidParam('check run')) id: string, @CurrentUser() user: AuthUser): Promise<DeliverableListResponse> {
    return this.deliverables.list(check(id), user);
  }

  @Get(':deliverableId')
  get(@Param('id', UuidParam('check run')) id: string, @Param('deliverableId', UuidParam('deliverable')) deliverableId: string, @CurrentUser() user: AuthUser): Promise<DeliverableDto> {
    return this.deliverables.get(check(id), deliverableId, user);
  }

  @Get(':deliverableId/content')
  async content(@Param('id', UuidParam('check run')) id: string, @Param('deliverableId', UuidParam('deliverable')) deliverableId: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    send(res, await this.deliverables.download(check(id), deliverableId, user));
  }
}

/**
 * Service-to-service: a share link's reads of its run's reports (docs/sharing.md). The gateway
 * resolved the token to this run and builds these paths from it, never from the request; a
 * deliverable of another run is 404.
 */
@Internal()
@Controller('internal/shared-runs/:id/deliverables')
export class InternalSharedDeliverablesController {
  constructor(private readonly deliverables: DeliverablesService) {}

  @Get()
  list(@Param('id', UuidParam('simulation')) id: string): Promise<DeliverableListResponse> {
    return this.deliverables.listShared(id);
  }

  /** The file, as for a member; counts the download. */
  @Get(':deliverableId/content')
  async content(@Param('id', UuidParam('simulation')) id: string, @Param('deliverableId', UuidParam('deliverable')) deliverableId: string, @Res() res: Response): Promise<void> {
    send(res, await this.deliverables.downloadShared(id, deliverableId));
  }
}
