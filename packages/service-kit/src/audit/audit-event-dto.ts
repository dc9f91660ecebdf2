import type { AuditEventDto } from '@architech/contracts';
import type { AuditEventEntity } from './audit-event.entity';

/** An audit row as the API shows it. */
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
