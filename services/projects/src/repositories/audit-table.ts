import type { AuditTable } from '@architech/service-kit';

/** The projects service's audit trail: `projects.audit_events` (service-kit's AuditRepository, docs/architecture.md). */
export const AUDIT_TABLE: AuditTable = { schema: 'projects', project: 'nullable' };
