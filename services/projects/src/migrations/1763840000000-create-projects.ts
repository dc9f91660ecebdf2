import { auditEventsTableSql, dropAuditEventsTableSql } from '@architech/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_TABLE } from '../repositories/audit-table';

/** Projects, their members and the projects service's audit trail, in the service's own `projects` schema. */
export class CreateProjects1763840000000 implements MigrationInterface {
  name = 'CreateProjects1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projects.projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE projects.project_members (
      project_id uuid NOT NULL REFERENCES projects.projects (id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, user_id)
    )`);
    await q.query(`CREATE INDEX project_members_user_id_idx ON projects.project_members (user_id)`);
    for (const sql of auditEventsTableSql(AUDIT_TABLE)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(dropAuditEventsTableSql(AUDIT_TABLE));
    await q.query(`DROP TABLE projects.project_members`);
    await q.query(`DROP TABLE projects.projects`);
  }
}
