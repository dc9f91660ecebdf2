import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account deletions under way (docs/data-lifecycle.md, privacy operations): a row locks the account
 * (no login) and holds what the other services are told, so a deletion a service did not complete
 * is retried with the same anonymous actor id and transfers. The row goes with the account.
 */
export class AccountDeletions1768200000000 implements MigrationInterface {
  name = 'AccountDeletions1768200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users.account_deletions (
      user_id uuid PRIMARY KEY REFERENCES users.users (id) ON DELETE CASCADE,
      anonymous_id uuid NOT NULL,
      transfer_to jsonb NOT NULL DEFAULT '{}'::jsonb,
      requested_at timestamptz NOT NULL DEFAULT now(),
      attempts int NOT NULL DEFAULT 0,
      last_error text NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE users.account_deletions`);
  }
}
