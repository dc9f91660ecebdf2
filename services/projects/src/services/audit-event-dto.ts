import type { AuditEventDto } from '@architech/contracts';
import type { AuditEventEntity } from '../entities/audit-event.entity';

export function toAuditEventDto(event: AuditEventEntity): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    projectId: event.projectId,
    details: event.details,
  };
}
