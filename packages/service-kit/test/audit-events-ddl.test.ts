import { auditEventsTableSql, dropAuditEventsTableSql } from '../src/audit/audit-table';

/**
 * The statements the users, projects and designs migrations ran before the DDL was shared, copied
 * verbatim from those migrations: a database migrated then must not differ from one migrated now.
 */
const BEFORE = {
  users: [
    `CREATE TABLE users.audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`,
  ],
  projects: [
    `CREATE TABLE projects.audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      project_id uuid NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`,
    `CREATE INDEX audit_events_project_at_idx ON projects.audit_events (project_id, at DESC)`,
  ],
  designs: [
    `CREATE TABLE designs.audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      project_id uuid NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`,
    `CREATE INDEX audit_events_project_at_idx ON designs.audit_events (project_id, at DESC)`,
  ],
};

describe('audit_events DDL', () => {
  it('is byte-identical to what the users migration ran (no project column)', () => {
    expect(auditEventsTableSql({ schema: 'users', project: 'none' })).toEqual(BEFORE.users);
  });

  it('is byte-identical to what the projects migration ran (optional project, indexed)', () => {
    expect(auditEventsTableSql({ schema: 'projects', project: 'nullable' })).toEqual(BEFORE.projects);
  });

  it('is byte-identical to what the designs migration ran (required project, indexed)', () => {
    expect(auditEventsTableSql({ schema: 'designs', project: 'required' })).toEqual(BEFORE.designs);
  });

  it('drops the table of its schema', () => {
    expect(dropAuditEventsTableSql({ schema: 'designs', project: 'required' })).toBe('DROP TABLE designs.audit_events');
  });
});
