import { Injectable } from '@nestjs/common';
import type { AuditEventDto, AuditQuery } from '@architech/contracts';
import { DesignAuditRepository, SimulationAuditRepository } from '../repositories/design-audit.repository';
import { mergeAuditPages } from './audit-merge';
import { AuditRepository, toAuditEventDto } from '@architech/service-kit';
import { ProjectAccess } from './project-access';

/** A project's audit trail: this service's events and the designs and simulations services', merged (owners only). */
@Injectable()
export class ProjectAuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly designAudit: DesignAuditRepository,
    private readonly simulationAudit: SimulationAuditRepository,
    private readonly access: ProjectAccess,
  ) {}

  async list(projectId: string, actorId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    await this.access.requireRole(projectId, actorId, 'owner');
    const [own, designs, simulations] = await Promise.all([this.audit.listForProject(projectId, query), this.designAudit.listForProject(projectId, query), this.simulationAudit.listForProject(projectId, query)]);
    return mergeAuditPages([own.map(toAuditEventDto), designs, simulations], query);
  }
}
