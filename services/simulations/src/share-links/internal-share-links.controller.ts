import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { auditQuerySchema, type AuditEventDto, type SimulationDto } from '@architech/contracts';
import { AuditRepository, Internal, toAuditEventDto, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { ShareLinksService, type ResolvedShareLink } from './share-links.service';

const resolveSchema = z.strictObject({
  token: z.string().max(200),
  /** The shared page's first request: count and audit the access. */
  open: z.boolean().default(false),
  /** The client's address as the gateway resolved it, for the audit entry. */
  client: z.string().max(200).optional(),
});

/**
 * Service-to-service: the gateway resolves share tokens and reads the shared run; the projects
 * service merges this service's audit events into a project's audit log.
 */
@Internal()
@Controller('internal')
export class InternalShareLinksController {
  constructor(
    private readonly links: ShareLinksService,
    private readonly audit: AuditRepository,
  ) {}

  @Post('share-links/resolve')
  @HttpCode(200)
  resolve(@Body(ZodPipe(resolveSchema, 'share link resolution')) body: z.output<typeof resolveSchema>): Promise<ResolvedShareLink> {
    return this.links.resolve(body.token, body.open, body.client);
  }

  @Get('shared-runs/:id')
  run(@Param('id', UuidParam('simulation')) id: string): Promise<SimulationDto> {
    return this.links.sharedRun(id);
  }

  @Get('projects/:projectId/audit')
  async auditTrail(@Query(ZodPipe(auditQuerySchema, 'audit query')) { limit, before }: z.output<typeof auditQuerySchema>, @Param('projectId', UuidParam('project')) projectId: string): Promise<{ events: AuditEventDto[] }> {
    const events = await this.audit.listForProject(projectId, { limit, before: before === undefined ? undefined : new Date(before) });
    return { events: events.map(toAuditEventDto) };
  }
}
