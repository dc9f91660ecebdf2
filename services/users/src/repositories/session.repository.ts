import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource, EntityManager } from 'typeorm';

/** A refresh token is 32 random bytes; only its SHA-256 is stored. */
const newRefreshToken = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** What presenting a refresh token led to. */
export type RefreshOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string; expiresAt: Date }
  | { kind: 'unknown' }
  | { kind: 'ended' }
  | { kind: 'reused' };

/** TypeORM answers an UPDATE … RETURNING on Postgres with `[rows, affectedCount]`. */
function returned<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * Sign-in sessions, their rotating refresh tokens and revoked access-token ids, in Postgres. Each
 * refresh token can be used once: using it hands out the next one; presenting a used one again
 * means it was stolen (or replayed), so the whole session is revoked.
 */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** A new session of `userId` lasting `ttlSec`, with its first refresh token. */
  async open(userId: string, ttlSec: number): Promise<{ sessionId: string; refreshToken: string; expiresAt: Date }> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; expires_at: Date }[] = await m.query(
        `INSERT INTO users.sessions (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING id, expires_at`,
        [userId, ttlSec],
      );
      const refreshToken = await this.issue(m, rows[0].id);
      return { sessionId: rows[0].id, refreshToken, expiresAt: new Date(rows[0].expires_at) };
    });
  }

  /** Uses `token` once: the next token of its session, or why not (unknown, session ended, reuse). */
  async rotate(token: string): Promise<RefreshOutcome> {
    return this.db.transaction(async (m) => {
      const rows: { session_id: string; used_at: Date | null; user_id: string; expires_at: Date; revoked_at: Date | null }[] = await m.query(
        `SELECT t.session_id, t.used_at, s.user_id, s.expires_at, s.revoked_at
           FROM users.refresh_tokens t JOIN users.sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [hashOf(token)],
      );
      const row = rows[0];
      if (!row) return { kind: 'unknown' };
      if (row.revoked_at || new Date(row.expires_at).getTime() <= Date.now()) return { kind: 'ended' };
      if (row.used_at) {
        await m.query(`UPDATE users.sessions SET revoked_at = now(), revoked_reason = 'refresh token reused' WHERE id = $1`, [row.session_id]);
        return { kind: 'reused' };
      }
      await m.query(`UPDATE users.refresh_tokens SET used_at = now() WHERE token_hash = $1`, [hashOf(token)]);
      const refreshToken = await this.issue(m, row.session_id);
      return { kind: 'rotated', userId: row.user_id, sessionId: row.session_id, refreshToken, expiresAt: new Date(row.expires_at) };
    });
  }

  /** Logs one session out: its refresh tokens stop working, and access token `jti` with them. */
  async revoke(sessionId: string | undefined, jti: string | undefined, tokenExpiresAt: Date, reason: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (jti) await m.query(`INSERT INTO users.revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, [jti, tokenExpiresAt]);
      if (sessionId) await m.query(`UPDATE users.sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
      // Revoked ids are needed only until their token would have expired anyway.
      await m.query(`DELETE FROM users.revoked_tokens WHERE expires_at < now()`);
    });
  }

  /** Logs every session of `userId` out; returns how many were open. */
  async revokeAll(userId: string, reason: string): Promise<number> {
    const rows = returned(await this.db.query(`UPDATE users.sessions SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId, reason]));
    return rows.length;
  }

  /** Whether an access token is revoked: its id was logged out, or its session ended or never existed. */
  async isRevoked(sessionId: string, jti: string): Promise<boolean> {
    const rows: { revoked: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM users.revoked_tokens WHERE jti = $2)
           OR NOT EXISTS (SELECT 1 FROM users.sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()) AS revoked`,
      [sessionId, jti],
    );
    return rows[0].revoked;
  }

  private async issue(m: EntityManager, sessionId: string): Promise<string> {
    const token = newRefreshToken();
    await m.query(`INSERT INTO users.refresh_tokens (token_hash, session_id) VALUES ($1, $2)`, [hashOf(token), sessionId]);
    return token;
  }
}
