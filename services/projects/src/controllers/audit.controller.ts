import { Controller, Get, Param, Query } from '@nestjs/common';
import { auditQuerySchema, type AuditEventDto, type AuditQuery } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import { ProjectAuditService } from '../services/project-audit.service';

@Controller('api/projects/:id/audit')
export class AuditController {
  constructor(private readonly audit: ProjectAuditService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Query(ZodPipe(auditQuerySchema, 'audit query')) query: AuditQuery, @Param('id', UuidParam('project')) id: string): Promise<{ events: AuditEventDto[] }> {
    return { events: await this.audit.list(id, user.id, query) };
  }
}
