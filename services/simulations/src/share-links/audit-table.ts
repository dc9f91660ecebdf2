import type { AuditTable } from '@architech/service-kit';

/** The simulations service's audit trail: `simulations.audit_events` (service-kit's AuditRepository). */
export const AUDIT_TABLE: AuditTable = { schema: 'simulations', project: 'required' };
