import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in sessions with rotating refresh tokens (stored as SHA-256 hashes; a used one is kept to
 * detect its reuse) and the ids of access tokens revoked by logging out.
 */
export class Sessions1763830000002 implements MigrationInterface {
  name = 'Sessions1763830000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users.sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      revoked_reason text
    )`);
    await q.query(`CREATE INDEX sessions_user_idx ON users.sessions (user_id)`);
    await q.query(`CREATE TABLE users.refresh_tokens (
      token_hash text PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES users.sessions (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      used_at timestamptz
    )`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON users.refresh_tokens (session_id)`);
    await q.query(`CREATE TABLE users.revoked_tokens (
      jti uuid PRIMARY KEY,
      expires_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users.revoked_tokens`);
    await q.query(`DROP TABLE users.refresh_tokens`);
    await q.query(`DROP TABLE users.sessions`);
  }
}
