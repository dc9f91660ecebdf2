import { Controller, Get, Param, Query } from '@nestjs/common';
import type { AuditEventDto } from '@architech/contracts';
import { Internal, parseInput } from '@architech/service-kit';
import { z } from 'zod';
import { AuditRepository } from '../repositories/audit.repository';
import { toAuditEventDto } from '@architech/service-kit';

const auditQuerySchema = z.object({
  projectId: z.guid(),
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
  async list(@Param('projectId') projectId: string, @Query() query: Record<string, unknown>): Promise<{ events: AuditEventDto[] }> {
    const { limit, before } = parseInput(auditQuerySchema, { ...query, projectId }, 'audit query');
    const events = await this.audit.listForProject(projectId, limit, before === undefined ? undefined : new Date(before));
    return { events: events.map(toAuditEventDto) };
  }
}
