import type { AuditTable } from '@architech/service-kit';

/** The designs service's audit trail: `designs.audit_events` (service-kit's AuditRepository, docs/architecture.md). */
export const AUDIT_TABLE: AuditTable = { schema: 'designs', project: 'required' };
