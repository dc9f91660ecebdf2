import { auditEventsTableSql, dropAuditEventsTableSql } from '@architech/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_TABLE } from '../repositories/audit-table';

/** Users, login throttling and the users service's audit trail, in the service's own `users` schema. */
export class CreateUsers1763830000000 implements MigrationInterface {
  name = 'CreateUsers1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users.users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL,
      name text NOT NULL,
      password_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX users_email_lower_key ON users.users (lower(email))`);
    await q.query(`CREATE TABLE users.login_throttle (
      key text PRIMARY KEY,
      failures int NOT NULL,
      window_start timestamptz NOT NULL
    )`);
    for (const sql of auditEventsTableSql(AUDIT_TABLE)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(dropAuditEventsTableSql(AUDIT_TABLE));
    await q.query(`DROP TABLE users.login_throttle`);
    await q.query(`DROP TABLE users.users`);
  }
}
