import { gunzipSync } from 'node:zlib';
import { isDeletedActorId, type AccountProjectDto } from '@architech/contracts';
import type { AuthUser } from '@architech/service-kit';
import type { AccountDeletionRepository, EraseOutcome, PendingDeletion } from '../src/account/account-deletion.repository';
import { AccountDeletionService, newDeletedActorId, transferIssues } from '../src/account/account-deletion.service';
import type { ProjectsPeerRepository } from '../src/account/projects-peer.repository';
import { tarGz } from '../src/account/tar';
import type { LoginThrottleRepository } from '../src/repositories/login-throttle.repository';
import type { SessionRepository } from '../src/repositories/session.repository';
import type { UserRepository } from '../src/repositories/user.repository';
import { ThrottlePolicy } from '../src/services/auth.service';
import type { PasswordHasher } from '../src/services/password-hasher';
import { FakeHasher, FakeSessions, FakeThrottle, FakeUsers } from './fakes';

/* Account deletion with in-memory repositories and a projects service that can fail. */

/** Deletions under way, and the accounts `finish` deleted. */
class FakeDeletions implements Pick<AccountDeletionRepository, 'begin' | 'find' | 'listPending' | 'recordFailure' | 'finish'> {
  readonly rows = new Map<string, PendingDeletion & { lastError?: string }>();
  readonly finished: { pending: PendingDeletion; outcome: EraseOutcome }[] = [];

  constructor(private readonly users: FakeUsers) {}

  async begin(userId: string, anonymousId: string, transferTo: Record<string, string>): Promise<PendingDeletion> {
    if (!this.rows.has(userId)) this.rows.set(userId, { userId, anonymousId, transferTo, requestedAt: new Date(), attempts: 0 });
    return this.rows.get(userId)!;
  }

  async find(userId: string) {
    return this.rows.get(userId);
  }

  async listPending() {
    return [...this.rows.values()];
  }

  async recordFailure(userId: string, error: string) {
    const row = this.rows.get(userId)!;
    row.attempts++;
    row.lastError = error;
  }

  async finish(pending: PendingDeletion, outcome: EraseOutcome) {
    this.rows.delete(pending.userId);
    this.users.rows.splice(this.users.rows.findIndex((u) => u.id === pending.userId), 1);
    this.finished.push({ pending, outcome });
  }
}

const PROJECT = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

/** The projects service: the user's projects, and an erase that fails while `down`. */
class FakeProjects {
  down = false;
  readonly erased: { userId: string; anonymousId: string; transferTo: Record<string, string> }[] = [];
  projects: AccountProjectDto[] = [{ id: PROJECT, name: 'Mine', role: 'owner', inTrash: false, soleOwner: true, members: [{ userId: BOB, email: 'bob@example.com', name: 'Bob', role: 'editor' }] }];

  async accountProjects() {
    return this.projects;
  }

  async erase(userId: string, anonymousId: string, transferTo: Record<string, string>): Promise<EraseOutcome> {
    if (this.down) throw new Error('projects service is unreachable');
    this.erased.push({ userId, anonymousId, transferTo });
    return { deletedProjects: [], transferredProjects: Object.entries(transferTo).map(([projectId, to]) => ({ projectId, to })), leftProjects: [] };
  }
}

async function world() {
  const users = new FakeUsers();
  const user = (await users.create('alice@example.com', 'Alice', 'hashed:right password'))!;
  const deletions = new FakeDeletions(users);
  const sessions = new FakeSessions();
  const throttle = new FakeThrottle();
  const projects = new FakeProjects();
  const service = new AccountDeletionService(
    users as unknown as UserRepository,
    deletions as unknown as AccountDeletionRepository,
    sessions as unknown as SessionRepository,
    throttle as unknown as LoginThrottleRepository,
    new FakeHasher() as unknown as PasswordHasher,
    new ThrottlePolicy(100, 20, 900),
    projects as unknown as ProjectsPeerRepository,
  );
  const auth: AuthUser = { id: user.id, email: user.email, sessionId: 's1', tokenId: 'jti-1', expiresAtSec: Date.now() / 1000 + 900 } as AuthUser;
  return { service, users, deletions, sessions, projects, auth, user };
}

async function failure(call: Promise<unknown>): Promise<{ status: number; code: string; details?: unknown }> {
  try {
    await call;
  } catch (error) {
    return error as { status: number; code: string; details?: unknown };
  }
  throw new Error('expected a failure');
}

describe('account deletion', () => {
  it('refuses a wrong password with 403 and deletes nothing', async () => {
    const { service, users, deletions, auth } = await world();
    expect(await failure(service.request(auth, { password: 'wrong' }))).toMatchObject({ status: 403, code: 'wrong_password' });
    expect(users.rows).toHaveLength(1);
    expect(deletions.rows.size).toBe(0);
  });

  it('slows password guessing down after a few wrong passwords', async () => {
    const { service, auth } = await world();
    const now = new Date('2026-12-05T12:00:00Z');
    for (let i = 0; i < 3; i++) await failure(service.request(auth, { password: 'wrong' }, now));
    expect(await failure(service.request(auth, { password: 'right password' }, now))).toMatchObject({ status: 429, code: 'too_many_attempts' });
  });

  it('checks transfers against the projects the user alone owns and their members', async () => {
    const { projects } = await world();
    expect(transferIssues({ [PROJECT]: BOB }, projects.projects, 'me')).toEqual([]);
    expect(transferIssues({ [PROJECT]: 'me' }, projects.projects, 'me')[0]).toMatchObject({ path: `transferTo.${PROJECT}`, code: 'not_a_member' });
    expect(transferIssues({ [BOB]: BOB }, projects.projects, 'me')[0]).toMatchObject({ path: `transferTo.${BOB}`, code: 'not_sole_owner' });
    projects.projects[0].soleOwner = false;
    expect(transferIssues({ [PROJECT]: BOB }, projects.projects, 'me')[0].code).toBe('not_sole_owner');
  });

  it('locks the account and ends its sessions, then completes: transfers passed on, account gone', async () => {
    const { service, users, deletions, sessions, projects, auth, user } = await world();
    await sessions.open(user.id, 3600);
    const outcome = await service.request(auth, { password: 'right password', transferTo: { [PROJECT]: BOB } });
    expect(outcome).toMatchObject({ status: 'deleted', transferredProjects: [{ projectId: PROJECT, to: BOB }] });
    expect(projects.erased).toEqual([{ userId: user.id, anonymousId: expect.any(String), transferTo: { [PROJECT]: BOB } }]);
    expect(isDeletedActorId(projects.erased[0].anonymousId)).toBe(true);
    expect(users.rows).toHaveLength(0);
    expect(deletions.finished[0].pending.anonymousId).toBe(projects.erased[0].anonymousId);
    expect([...sessions.sessions.values()].every((s) => s.ended)).toBe(true);
    expect(sessions.revokedTokens.has('jti-1')).toBe(true);
  });

  it('keeps a deletion a service did not complete locked and retries it with the same anonymous id until it is done', async () => {
    const { service, users, deletions, projects, auth, user } = await world();
    projects.down = true;
    const outcome = await service.request(auth, { password: 'right password' });
    expect(outcome.status).toBe('pending');
    expect(users.rows).toHaveLength(1);
    expect(await service.isDeleting(user.id)).toBe(true);
    expect(deletions.rows.get(user.id)).toMatchObject({ attempts: 1, lastError: 'projects service is unreachable' });
    const anonymousId = deletions.rows.get(user.id)!.anonymousId;
    expect(await service.retryPending()).toBe(0);
    projects.down = false;
    expect(await service.retryPending()).toBe(1);
    expect(users.rows).toHaveLength(0);
    expect(projects.erased[0].anonymousId).toBe(anonymousId);
    expect(await service.isDeleting(user.id)).toBe(false);
  });
});

describe('anonymous actor ids', () => {
  it('are version-8 uuids, random, never an account id', () => {
    const ids = new Set(Array.from({ length: 100 }, newDeletedActorId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isDeletedActorId(id)).toBe(true);
    expect(isDeletedActorId('00000000-0000-4000-8000-000000000001')).toBe(false);
  });
});

describe('the export archive', () => {
  it('is a gzipped ustar archive whose entries read back, long paths split into prefix and name', () => {
    const long = `projects/${'a'.repeat(36)}/designs/${'b'.repeat(36)}/${'c'.repeat(20)}.json`;
    const archive = gunzipSync(tarGz([{ path: 'account.json', content: '{"x":1}\n' }, { path: long, content: 'é'.repeat(600) }]));
    expect(archive.length % 512).toBe(0);
    const name = (at: number) => archive.subarray(at, at + 100).toString().replace(/\0.*$/s, '');
    const prefix = (at: number) => archive.subarray(at + 345, at + 500).toString().replace(/\0.*$/s, '');
    const size = (at: number) => parseInt(archive.subarray(at + 124, at + 136).toString(), 8);
    expect(name(0)).toBe('account.json');
    expect(size(0)).toBe(8);
    expect(archive.subarray(512, 520).toString()).toBe('{"x":1}\n');
    expect(`${prefix(1024)}/${name(1024)}`).toBe(long);
    expect(size(1024)).toBe(1200);
    expect(archive.subarray(1536, 1536 + 1200).toString()).toBe('é'.repeat(600));
    // Two zero blocks end it.
    expect(archive.subarray(archive.length - 1024).every((b) => b === 0)).toBe(true);
  });
});
