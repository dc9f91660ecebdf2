import { Controller, Get, Param, Query } from '@nestjs/common';
import { auditQuerySchema, type AuditEventDto } from '@architech/contracts';
import { CurrentUser, parseInput, type AuthUser } from '@architech/service-kit';
import { ProjectAuditService } from '../services/project-audit.service';

@Controller('api/projects/:id/audit')
export class AuditController {
  constructor(private readonly audit: ProjectAuditService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Param('id') id: string, @Query() query: unknown): Promise<{ events: AuditEventDto[] }> {
    return { events: await this.audit.list(id, user.id, parseInput(auditQuerySchema, query, 'audit query')) };
  }
}
