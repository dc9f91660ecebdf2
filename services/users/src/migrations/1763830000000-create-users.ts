import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    await q.query(`CREATE TABLE users.audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      action text NOT NULL,
      resource_type text NOT NULL,
      resource_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users.audit_events`);
    await q.query(`DROP TABLE users.login_throttle`);
    await q.query(`DROP TABLE users.users`);
  }
}
