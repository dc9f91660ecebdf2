import type { AuditRecord, AuditRepository, TokenService } from '@architech/service-kit';
import type { UserEntity } from '../src/entities/user.entity';
import type { LoginThrottleRepository } from '../src/repositories/login-throttle.repository';
import type { RefreshOutcome, SessionRepository } from '../src/repositories/session.repository';
import type { UserRepository } from '../src/repositories/user.repository';
import type { PasswordHasher } from '../src/services/password-hasher';

/** In-memory stand-ins for the users service's repositories (Immich style): same contract, no database. */
export class FakeUsers implements Pick<UserRepository, 'create' | 'findByEmail' | 'findById' | 'findByIds'> {
  readonly rows: UserEntity[] = [];

  async create(email: string, name: string, passwordHash: string): Promise<UserEntity | undefined> {
    if (this.rows.some((u) => u.email.toLowerCase() === email.toLowerCase())) return undefined;
    const user = { id: `00000000-0000-4000-8000-${String(this.rows.length + 1).padStart(12, '0')}`, email, name, passwordHash, createdAt: new Date('2026-01-01T00:00:00Z') };
    this.rows.push(user);
    return user;
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.rows.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null;
  }

  async findById(id: string): Promise<UserEntity | null> {
    return this.rows.find((u) => u.id === id) ?? null;
  }

  async findByIds(ids: string[]): Promise<UserEntity[]> {
    return this.rows.filter((u) => ids.includes(u.id));
  }
}

/** Fixed windows per key, as the SQL of LoginThrottleRepository keeps them. */
export class FakeThrottle implements Pick<LoginThrottleRepository, 'failures' | 'recordFailure' | 'reset'> {
  readonly rows = new Map<string, { failures: number; windowStart: Date; lastFailureAt: Date }>();

  async failures(key: string, windowSec: number, now: Date): Promise<{ failures: number; windowEndsAt: Date; lastFailureAt: Date }> {
    const row = this.rows.get(key);
    if (!row || now.getTime() - row.windowStart.getTime() >= windowSec * 1000) return { failures: 0, windowEndsAt: now, lastFailureAt: now };
    return { failures: row.failures, windowEndsAt: new Date(row.windowStart.getTime() + windowSec * 1000), lastFailureAt: row.lastFailureAt };
  }

  async recordFailure(key: string, windowSec: number, now: Date): Promise<void> {
    const row = this.rows.get(key);
    if (!row || row.windowStart.getTime() <= now.getTime() - windowSec * 1000) this.rows.set(key, { failures: 1, windowStart: now, lastFailureAt: now });
    else this.rows.set(key, { ...row, failures: row.failures + 1, lastFailureAt: now });
  }

  async reset(key: string): Promise<void> {
    this.rows.delete(key);
  }
}

/** Sessions with one-use refresh tokens; a reused token ends its session. */
export class FakeSessions implements Pick<SessionRepository, 'open' | 'rotate' | 'revoke' | 'revokeAll' | 'isRevoked'> {
  readonly sessions = new Map<string, { userId: string; current: string; used: Set<string>; ended: boolean; expiresAt: Date }>();
  readonly revokedTokens = new Set<string>();
  private next = 0;

  async open(userId: string, ttlSec: number): Promise<{ sessionId: string; refreshToken: string; expiresAt: Date }> {
    const sessionId = `s${++this.next}`;
    const refreshToken = `r${++this.next}`;
    const expiresAt = new Date(Date.now() + ttlSec * 1000);
    this.sessions.set(sessionId, { userId, current: refreshToken, used: new Set(), ended: false, expiresAt });
    return { sessionId, refreshToken, expiresAt };
  }

  async rotate(token: string): Promise<RefreshOutcome> {
    for (const [sessionId, s] of this.sessions) {
      if (s.used.has(token)) {
        s.ended = true;
        return { kind: 'reused' };
      }
      if (s.current !== token) continue;
      if (s.ended) return { kind: 'ended' };
      s.used.add(token);
      s.current = `r${++this.next}`;
      return { kind: 'rotated', userId: s.userId, sessionId, refreshToken: s.current, expiresAt: s.expiresAt };
    }
    return { kind: 'unknown' };
  }

  async revoke(sessionId: string | undefined, jti: string | undefined): Promise<void> {
    if (sessionId) this.sessions.get(sessionId)!.ended = true;
    if (jti) this.revokedTokens.add(jti);
  }

  async revokeAll(userId: string): Promise<number> {
    let ended = 0;
    for (const s of this.sessions.values()) {
      if (s.userId === userId && !s.ended) {
        s.ended = true;
        ended++;
      }
    }
    return ended;
  }

  async isRevoked(sessionId: string, jti: string): Promise<boolean> {
    return this.revokedTokens.has(jti) || this.sessions.get(sessionId)?.ended === true;
  }
}

/** The audit events recorded, in order. */
export class FakeAudit implements Pick<AuditRepository, 'record'> {
  readonly events: AuditRecord[] = [];

  async record(event: AuditRecord): Promise<void> {
    this.events.push(event);
  }
}

/** A hasher whose hash is readable (bcrypt is slow on purpose); `verifications` counts the checks made. */
export class FakeHasher implements Pick<PasswordHasher, 'hash' | 'verify'> {
  verifications = 0;

  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }

  async verify(password: string, hash: string): Promise<boolean> {
    this.verifications++;
    return hash === `hashed:${password}`;
  }
}

/** Signs an access token that names its user and session. */
export const fakeTokens = {
  sign: (user: { id: string; email: string }, sessionId?: string) => ({ accessToken: `access:${user.id}:${sessionId}`, expiresInSec: 900, tokenId: 'jti-1' }),
} as unknown as TokenService;
