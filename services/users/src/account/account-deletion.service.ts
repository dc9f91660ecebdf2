import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { AccountDeletionDto, AccountProjectDto, DeleteAccountInput, ValidationIssue } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { SessionRepository } from '../repositories/session.repository';
import { UserRepository } from '../repositories/user.repository';
import { ThrottlePolicy } from '../services/auth.service';
import { PasswordHasher } from '../services/password-hasher';
import { AccountDeletionRepository, type EraseOutcome, type PendingDeletion } from './account-deletion.repository';
import { ProjectsPeerRepository } from './projects-peer.repository';

/**
 * A random version-8 uuid: the actor id a deleted account's audit entries keep. No account id is
 * one (accounts get version-4 ids), so `isDeletedActorId` tells them apart, and it is not derived
 * from the account, so nothing leads back to it.
 */
export function newDeletedActorId(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The right to be forgotten (docs/data-lifecycle.md, privacy operations). A deletion checks the
 * password and the transfers, then locks the account (a row in `account_deletions`, every session
 * ended) before anything is deleted; the projects service then hands over or deletes the user's
 * projects and anonymises the user's entries in projects, designs and simulations; last the account
 * itself goes. Each step is idempotent, so a deletion a service did not complete stays locked and is
 * retried ({@link AccountDeletionRetry}) until it is done, never left half-done and usable.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger('account-deletion');

  constructor(
    private readonly users: UserRepository,
    private readonly deletions: AccountDeletionRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: ThrottlePolicy,
    private readonly projects: ProjectsPeerRepository,
  ) {}

  /** The user's projects as a deletion would treat them. */
  async preview(userId: string): Promise<{ projects: AccountProjectDto[] }> {
    return { projects: await this.projects.accountProjects(userId) };
  }

  async request(user: AuthUser, input: DeleteAccountInput, now = new Date()): Promise<AccountDeletionDto> {
    const account = await this.users.findById(user.id);
    if (!account) throw ApiException.unauthorized('the account of this token no longer exists');
    const key = `delete:${user.id}`;
    const tries = await this.throttle.failures(key, this.policy.windowSec, now);
    const waitMs = tries.lastFailureAt.getTime() + this.policy.pairDelaySec(tries.failures) * 1000 - now.getTime();
    if (waitMs > 0) {
      const retryAfterSec = Math.ceil(waitMs / 1000);
      throw new ApiException(429, 'too_many_attempts', `too many wrong passwords; try again in ${retryAfterSec} s`, { retryAfterSec });
    }
    if (!(await this.hasher.verify(input.password, account.passwordHash))) {
      await this.throttle.recordFailure(key, this.policy.windowSec, now);
      throw new ApiException(403, 'wrong_password', 'the password is wrong: re-enter the password of this account to delete it', [{ path: 'password', code: 'wrong_password', message: 'the password is wrong' }]);
    }
    await this.throttle.reset(key);
    const transferTo = input.transferTo ?? {};
    const issues = transferIssues(transferTo, await this.projects.accountProjects(user.id), user.id);
    if (issues.length > 0) throw ApiException.validation('account deletion', issues);
    const pending = await this.deletions.begin(user.id, newDeletedActorId(), transferTo);
    if (user.tokenId) await this.sessions.revoke(undefined, user.tokenId, new Date((user.expiresAtSec ?? now.getTime() / 1000) * 1000), 'account deleted');
    await this.sessions.revokeAll(user.id, 'account deleted');
    return this.complete(pending);
  }

  /** Whether the account is locked by a deletion under way (login is refused). */
  async isDeleting(userId: string): Promise<boolean> {
    return (await this.deletions.find(userId)) !== undefined;
  }

  /** Runs the rest of a deletion: the other services' part, then the account's own. */
  async complete(pending: PendingDeletion): Promise<AccountDeletionDto> {
    let outcome: EraseOutcome;
    try {
      outcome = await this.projects.erase(pending.userId, pending.anonymousId, pending.transferTo);
      await this.deletions.finish(pending, outcome);
    } catch (error) {
      const reason = (error as Error).message;
      await this.deletions.recordFailure(pending.userId, reason);
      this.logger.warn(`account deletion ${pending.anonymousId} not yet complete (${reason}); it will be retried`);
      return {
        status: 'pending',
        deletedProjects: [],
        transferredProjects: [],
        leftProjects: [],
        message: 'Your account is locked and you are logged out. A service did not answer, so the deletion is being completed in the background.',
      };
    }
    this.logger.log(`account deleted (now ${pending.anonymousId}): ${outcome.deletedProjects.length} project(s) deleted, ${outcome.transferredProjects.length} transferred, ${outcome.leftProjects.length} left`);
    return { status: 'deleted', ...outcome, message: 'Your account and personal data are deleted.' };
  }

  /** Completes the deletions still under way; resolves with how many completed. */
  async retryPending(limit = 50): Promise<number> {
    let done = 0;
    for (const pending of await this.deletions.listPending(limit)) if ((await this.complete(pending)).status === 'deleted') done++;
    return done;
  }
}

/** Each transfer must name a project the user alone owns and, for it, another member of that project. */
export function transferIssues(transferTo: Record<string, string>, projects: AccountProjectDto[], userId: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [projectId, to] of Object.entries(transferTo)) {
    const project = projects.find((p) => p.id === projectId.toLowerCase());
    const path = `transferTo.${projectId}`;
    if (!project || !project.soleOwner) {
      issues.push({ path, code: 'not_sole_owner', message: `project ${projectId} is not a project you alone own, so there is nothing to transfer` });
    } else if (to.toLowerCase() === userId || !project.members.some((m) => m.userId === to.toLowerCase())) {
      issues.push({ path, code: 'not_a_member', message: `user ${to} is not another member of project "${project.name}": add them to the project first` });
    }
  }
  return issues;
}
