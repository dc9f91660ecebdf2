import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a throttle key last failed: the growing delay of an (account, address) pair counts from it. */
export class LoginThrottleLastFailure1763830000001 implements MigrationInterface {
  name = 'LoginThrottleLastFailure1763830000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users.login_throttle ADD COLUMN last_failure_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users.login_throttle DROP COLUMN last_failure_at`);
  }
}
