/**
 * Where a service keeps its audit trail and how that table holds the project of an event: not at
 * all (`users`: its writes belong to no project), optional (`projects`) or required (`designs`).
 */
export interface AuditTable {
  schema: 'users' | 'projects' | 'designs' | (string & {});
  project: 'none' | 'nullable' | 'required';
}

const PROJECT_COLUMN: Record<AuditTable['project'], string> = {
  none: '',
  nullable: '\n      project_id uuid NULL,',
  required: '\n      project_id uuid NOT NULL,',
};

/**
 * The `audit_events` DDL of a service's first migration: the table (and, with a project column,
 * its per-project index), one statement per entry. Defined once for the three services; the text
 * is byte-for-byte what their migrations ran before it was shared (a test pins it), so no
 * existing database sees a difference.
 *
 * @example for (const sql of auditEventsTableSql({ schema: 'users', project: 'none' })) await q.query(sql);
 */
export function auditEventsTableSql(table: AuditTable): string[] {
  const statements = [
    `CREATE TABLE ${table.schema}.audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,${PROJECT_COLUMN[table.project]}
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`,
  ];
  if (table.project !== 'none') statements.push(`CREATE INDEX audit_events_project_at_idx ON ${table.schema}.audit_events (project_id, at DESC)`);
  return statements;
}

/** The `down` of {@link auditEventsTableSql}. */
export function dropAuditEventsTableSql(table: AuditTable): string {
  return `DROP TABLE ${table.schema}.audit_events`;
}
