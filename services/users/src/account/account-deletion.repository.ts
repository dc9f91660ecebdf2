import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository, DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE } from '../repositories/audit-table';

/** An account deletion under way: the account is locked until the other services have done their part. */
export interface PendingDeletion {
  userId: string;
  anonymousId: string;
  transferTo: Record<string, string>;
  requestedAt: Date;
  attempts: number;
}

/** What the projects service did for the deletion (its erase route). */
export interface EraseOutcome {
  deletedProjects: string[];
  transferredProjects: { projectId: string; to: string }[];
  leftProjects: string[];
}

interface Row {
  user_id: string;
  anonymous_id: string;
  transfer_to: Record<string, string>;
  requested_at: Date;
  attempts: number;
}

const toPending = (r: Row): PendingDeletion => ({ userId: r.user_id, anonymousId: r.anonymous_id, transferTo: r.transfer_to, requestedAt: new Date(r.requested_at), attempts: r.attempts });

/** `users.account_deletions`, and the last step of a deletion: the account's own data. */
@Injectable()
export class AccountDeletionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** Locks the account for deletion; a deletion already under way keeps its anonymous id and transfers. */
  async begin(userId: string, anonymousId: string, transferTo: Record<string, string>): Promise<PendingDeletion> {
    await this.db.query(`INSERT INTO users.account_deletions (user_id, anonymous_id, transfer_to) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING`, [userId, anonymousId, JSON.stringify(transferTo)]);
    return (await this.find(userId)) as PendingDeletion;
  }

  async find(userId: string): Promise<PendingDeletion | undefined> {
    const rows: Row[] = await this.db.query(`SELECT * FROM users.account_deletions WHERE user_id = $1`, [userId]);
    return rows[0] ? toPending(rows[0]) : undefined;
  }

  /** Deletions still under way, oldest first. */
  async listPending(limit: number): Promise<PendingDeletion[]> {
    const rows: Row[] = await this.db.query(`SELECT * FROM users.account_deletions ORDER BY requested_at LIMIT $1`, [limit]);
    return rows.map(toPending);
  }

  async recordFailure(userId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE users.account_deletions SET attempts = attempts + 1, last_error = $2 WHERE user_id = $1`, [userId, error.slice(0, 2000)]);
  }

  /**
   * The account's own part, in one transaction: its audit entries keep their actions under the
   * anonymous id; its login-throttle keys (which hold the email) go; the account row goes with its
   * sessions, refresh tokens and this deletion's row (ON DELETE CASCADE); the deletion is audited.
   */
  async finish(pending: PendingDeletion, outcome: EraseOutcome): Promise<void> {
    await this.db.transaction(async (m) => {
      const users: { email: string }[] = await m.query(`SELECT email FROM users.users WHERE id = $1 FOR UPDATE`, [pending.userId]);
      if (users.length === 0) return;
      const email = users[0].email.toLowerCase();
      await m.query(`UPDATE users.audit_events SET actor_id = $2 WHERE actor_id = $1`, [pending.userId, pending.anonymousId]);
      await m.query(`UPDATE users.audit_events SET resource_id = $2 WHERE resource_type = 'user' AND resource_id = $1`, [pending.userId, pending.anonymousId]);
      await m.query(`DELETE FROM users.login_throttle WHERE key = $1 OR starts_with(key, $2)`, [`account:${email}`, `pair:${email}|`]);
      await m.query(`DELETE FROM users.login_throttle WHERE key = $1`, [`delete:${pending.userId}`]);
      await m.query(`DELETE FROM users.users WHERE id = $1`, [pending.userId]);
      await new AuditRepository(m, AUDIT_TABLE).record({
        actorId: pending.anonymousId,
        action: 'user.deleted',
        resourceType: 'user',
        resourceId: pending.anonymousId,
        details: {
          requestedAt: pending.requestedAt.toISOString(),
          attempts: pending.attempts + 1,
          deletedProjects: outcome.deletedProjects,
          transferredProjects: outcome.transferredProjects.map((t) => t.projectId),
          leftProjects: outcome.leftProjects,
        },
      });
    });
  }
}
