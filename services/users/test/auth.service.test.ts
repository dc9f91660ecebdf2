import type { AccountDeletionRepository } from '../src/account/account-deletion.repository';
import type { AuditRepository, AuthUser } from '@architech/service-kit';
import type { LoginThrottleRepository } from '../src/repositories/login-throttle.repository';
import type { SessionRepository } from '../src/repositories/session.repository';
import type { UserRepository } from '../src/repositories/user.repository';
import { AuthService, ThrottlePolicy } from '../src/services/auth.service';
import type { PasswordHasher } from '../src/services/password-hasher';
import { FakeAudit, FakeHasher, FakeSessions, FakeThrottle, FakeUsers, fakeTokens } from './fakes';

/* AuthService with in-memory repositories: registration, login throttling, refresh rotation, logout. */

const PASSWORD = 'correct horse battery staple';

function setup(policy = new ThrottlePolicy(10, 20, 900)) {
  const users = new FakeUsers();
  const throttle = new FakeThrottle();
  const audit = new FakeAudit();
  const hasher = new FakeHasher();
  const sessions = new FakeSessions();
  const auth = new AuthService(
    users as unknown as UserRepository,
    throttle as unknown as LoginThrottleRepository,
    audit as unknown as AuditRepository,
    hasher as unknown as PasswordHasher,
    fakeTokens,
    policy,
    sessions as unknown as SessionRepository,
    { find: async () => undefined } as unknown as AccountDeletionRepository,
  );
  return { auth, users, throttle, audit, hasher, sessions };
}

/** The ApiException (status, code, details) a call fails with. */
async function failure(call: Promise<unknown>): Promise<{ status: number; code: string; details?: unknown }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status: number; code: string; details?: unknown };
    return { status: e.status, code: e.code, details: e.details };
  }
  throw new Error('expected the call to fail');
}

const at = (sec: number) => new Date(Date.UTC(2026, 0, 1) + sec * 1000);

describe('AuthService.register', () => {
  it('stores the hash, never the password, answers without it and audits the registration', async () => {
    const { auth, users, audit } = setup();
    const user = await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    expect(user).toEqual({ id: users.rows[0]!.id, email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(users.rows[0]!.passwordHash).toBe(`hashed:${PASSWORD}`);
    expect(audit.events).toEqual([{ actorId: user.id, action: 'user.registered', resourceType: 'user', resourceId: user.id }]);
  });

  it('refuses a taken email with 409 naming the field, and a guessable password with 400 before storing anything', async () => {
    const { auth, users, audit } = setup();
    await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    expect(await failure(auth.register({ email: 'ADA@example.com', name: 'Other', password: PASSWORD }))).toEqual({ status: 409, code: 'conflict', details: { field: 'email' } });
    const weak = await failure(auth.register({ email: 'bob@example.com', name: 'Bob', password: 'bob@example.com' }));
    expect(weak).toMatchObject({ status: 400, code: 'validation_failed', details: [expect.objectContaining({ path: 'password', code: 'guessable_password' })] });
    expect(users.rows).toHaveLength(1);
    expect(audit.events).toHaveLength(1);
  });
});

describe('AuthService.login', () => {
  it('answers a token pair for the right password and clears the pair counter', async () => {
    const { auth, throttle } = setup();
    const user = await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    await failure(auth.login({ email: 'ada@example.com', password: 'wrong' }, '10.0.0.1', at(0)));
    const response = await auth.login({ email: 'ADA@example.com', password: PASSWORD }, '10.0.0.1', at(1));
    expect(response).toMatchObject({ tokenType: 'Bearer', accessToken: `access:${user.id}:s1`, refreshToken: 'r2', user: { id: user.id } });
    expect(throttle.rows.has('pair:ada@example.com|10.0.0.1')).toBe(false);
    expect(throttle.rows.get('account:ada@example.com')?.failures).toBe(1);
  });

  it('fails alike for a wrong password and an unknown email (401, a hash compared either way), counting each failure', async () => {
    const { auth, throttle, hasher } = setup();
    await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    expect(await failure(auth.login({ email: 'ada@example.com', password: 'wrong' }, '10.0.0.1', at(0)))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await failure(auth.login({ email: 'nobody@example.com', password: PASSWORD }, '10.0.0.1', at(0)))).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(hasher.verifications).toBe(2);
    expect(throttle.rows.get('address:10.0.0.1')?.failures).toBe(2);
    expect(throttle.rows.get('pair:nobody@example.com|10.0.0.1')?.failures).toBe(1);
  });

  it('lets a pair fail freely three times, then makes it wait 1 s, 2 s, … before the next attempt', async () => {
    const { auth } = setup();
    await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    const wrong = (sec: number) => failure(auth.login({ email: 'ada@example.com', password: 'wrong' }, '10.0.0.1', at(sec)));
    for (let i = 0; i < 3; i++) expect((await wrong(0)).status).toBe(401);
    expect(await wrong(0.5)).toEqual({ status: 429, code: 'too_many_attempts', details: { retryAfterSec: 1 } });
    expect((await wrong(1)).status).toBe(401);
    expect(await wrong(2.5)).toEqual({ status: 429, code: 'too_many_attempts', details: { retryAfterSec: 1 } });
    expect((await wrong(3)).status).toBe(401);
    expect(await wrong(4)).toEqual({ status: 429, code: 'too_many_attempts', details: { retryAfterSec: 3 } });
    // Another address is not held back by this pair.
    expect((await auth.login({ email: 'ada@example.com', password: PASSWORD }, '10.0.0.2', at(4))).user.email).toBe('ada@example.com');
  });

  it('stops an address that sprays many accounts, until its window ends', async () => {
    const { auth } = setup(new ThrottlePolicy(100, 4, 60));
    for (let i = 0; i < 4; i++) expect((await failure(auth.login({ email: `u${i}@example.com`, password: 'x' }, '10.0.0.9', at(i)))).status).toBe(401);
    expect(await failure(auth.login({ email: 'u9@example.com', password: 'x' }, '10.0.0.9', at(10)))).toEqual({ status: 429, code: 'too_many_attempts', details: { retryAfterSec: 50 } });
    expect((await failure(auth.login({ email: 'u9@example.com', password: 'x' }, '10.0.0.9', at(60)))).status).toBe(401);
  });

  it('holds back addresses that already failed on a much-attacked account, but not a fresh one (the owner elsewhere)', async () => {
    const { auth } = setup(new ThrottlePolicy(3, 100, 60));
    await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    for (const address of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) await failure(auth.login({ email: 'ada@example.com', password: 'wrong' }, address, at(0)));
    expect(await failure(auth.login({ email: 'ada@example.com', password: PASSWORD }, '1.1.1.1', at(1)))).toEqual({ status: 429, code: 'too_many_attempts', details: { retryAfterSec: 59 } });
    expect((await auth.login({ email: 'ada@example.com', password: PASSWORD }, '4.4.4.4', at(1))).tokenType).toBe('Bearer');
  });
});

describe('AuthService sessions', () => {
  it('rotates a refresh token once; presenting it again ends the session', async () => {
    const { auth } = setup();
    await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    const first = await auth.login({ email: 'ada@example.com', password: PASSWORD }, '10.0.0.1', at(0));
    const second = await auth.refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await failure(auth.refresh(first.refreshToken))).toMatchObject({ status: 401, code: 'refresh_token_reused' });
    expect(await failure(auth.refresh(second.refreshToken))).toMatchObject({ status: 401, code: 'invalid_refresh_token' });
    expect(await failure(auth.refresh('never-issued'))).toMatchObject({ status: 401, code: 'invalid_refresh_token' });
  });

  it('logs out one session or all of them, revoking the token and auditing each', async () => {
    const { auth, audit, sessions } = setup();
    const user = await auth.register({ email: 'ada@example.com', name: 'Ada', password: PASSWORD });
    await auth.login({ email: 'ada@example.com', password: PASSWORD }, '10.0.0.1', at(0));
    await auth.login({ email: 'ada@example.com', password: PASSWORD }, '10.0.0.2', at(0));
    const current: AuthUser = { id: user.id, email: user.email, sessionId: 's1', tokenId: 'jti-1', expiresAtSec: 2_000_000_000 };
    await auth.logout(current);
    expect(await auth.isRevoked('s1', 'other')).toBe(true);
    expect(await auth.isRevoked('s3', 'other')).toBe(false);
    expect(await auth.logoutEverywhere(current)).toEqual({ sessions: 1 });
    expect(await auth.isRevoked('s3', 'other')).toBe(true);
    expect(sessions.revokedTokens.has('jti-1')).toBe(true);
    expect(audit.events.map((e) => e.action)).toEqual(['user.registered', 'user.logged_out', 'user.logged_out_everywhere']);
  });
});
