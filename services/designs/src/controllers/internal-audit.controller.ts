import { Controller, Get, Param, Query } from '@nestjs/common';
import type { AuditEventDto } from '@architech/contracts';
import { AuditRepository, Internal, toAuditEventDto, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';

const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only events strictly older than this instant: the `at` of the last event of the previous page. */
  before: z.iso.datetime({ offset: true }).optional(),
});

/** Service-to-service: the projects service merges these events into a project's audit log. */
@Internal()
@Controller('internal/projects')
export class InternalAuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get(':projectId/audit')
  async list(@Query(ZodPipe(auditQuerySchema, 'audit query')) { limit, before }: z.output<typeof auditQuerySchema>, @Param('projectId', UuidParam('project')) projectId: string): Promise<{ events: AuditEventDto[] }> {
    const events = await this.audit.listForProject(projectId, { limit, before: before === undefined ? undefined : new Date(before) });
    return { events: events.map(toAuditEventDto) };
  }
}
