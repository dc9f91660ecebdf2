import { auditEventsTableSql, dropAuditEventsTableSql } from '@architech/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_TABLE } from '../repositories/audit-table';

/**
 * Design versions with their components and connections, and the designs service's audit trail,
 * in the service's own `designs` schema. A version is immutable; `is_latest` marks the head of
 * each lineage, and the partial unique index keeps it to one head even under concurrent saves.
 */
export class CreateDesigns1763850000000 implements MigrationInterface {
  name = 'CreateDesigns1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE designs.designs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL,
      lineage_id uuid NOT NULL,
      version int NOT NULL CONSTRAINT designs_version_check CHECK (version >= 1),
      is_latest boolean NOT NULL,
      name text NOT NULL,
      description text NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT designs_lineage_version_key UNIQUE (lineage_id, version)
    )`);
    await q.query(`CREATE UNIQUE INDEX designs_one_latest_per_lineage ON designs.designs (lineage_id) WHERE is_latest`);
    await q.query(`CREATE INDEX designs_project_id_idx ON designs.designs (project_id)`);
    await q.query(`CREATE TABLE designs.components (
      design_id uuid NOT NULL REFERENCES designs.designs (id) ON DELETE CASCADE,
      id text NOT NULL,
      ordinal int NOT NULL,
      type text NOT NULL,
      name text NULL,
      properties jsonb NOT NULL,
      position jsonb NULL,
      PRIMARY KEY (design_id, id)
    )`);
    await q.query(`CREATE TABLE designs.connections (
      design_id uuid NOT NULL REFERENCES designs.designs (id) ON DELETE CASCADE,
      id text NOT NULL,
      ordinal int NOT NULL,
      source text NOT NULL,
      target text NOT NULL,
      properties jsonb NOT NULL,
      PRIMARY KEY (design_id, id),
      FOREIGN KEY (design_id, source) REFERENCES designs.components (design_id, id) ON DELETE CASCADE,
      FOREIGN KEY (design_id, target) REFERENCES designs.components (design_id, id) ON DELETE CASCADE
    )`);
    for (const sql of auditEventsTableSql(AUDIT_TABLE)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(dropAuditEventsTableSql(AUDIT_TABLE));
    await q.query(`DROP TABLE designs.connections`);
    await q.query(`DROP TABLE designs.components`);
    await q.query(`DROP TABLE designs.designs`);
  }
}
