import { auditEventsTableSql, dropAuditEventsTableSql } from '@architech/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_TABLE } from '../share-links/audit-table';

/**
 * Share links to a run (docs/sharing.md): only the SHA-256 of a link's token is kept. And the
 * simulations service's audit trail (service-kit's `audit_events`), which records share links
 * made, revoked and opened.
 */
export class ShareLinks1768300000000 implements MigrationInterface {
  name = 'ShareLinks1768300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations.share_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      simulation_id uuid NOT NULL REFERENCES simulations.simulations(id) ON DELETE CASCADE,
      project_id uuid NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      access_count integer NOT NULL DEFAULT 0,
      last_access_at timestamptz
    )`);
    await q.query(`CREATE INDEX share_links_simulation ON simulations.share_links (simulation_id, created_at DESC)`);
    for (const sql of auditEventsTableSql(AUDIT_TABLE)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(dropAuditEventsTableSql(AUDIT_TABLE));
    await q.query(`DROP TABLE simulations.share_links`);
  }
}
