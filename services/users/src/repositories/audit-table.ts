import type { AuditTable } from '@architech/service-kit';

/** The users service's audit trail: `users.audit_events` (service-kit's AuditRepository, docs/architecture.md). */
export const AUDIT_TABLE: AuditTable = { schema: 'users', project: 'none' };
