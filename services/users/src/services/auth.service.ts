import { Injectable } from '@nestjs/common';
import type { LoginInput, LoginResponse, RegisterInput, UserDto } from '@architech/contracts';
import { ApiException, AuditRepository, TokenService, type AuthUser } from '@architech/service-kit';
import { UserRepository } from '../repositories/user.repository';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { SessionRepository } from '../repositories/session.repository';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyIssues } from './password-policy';
import { toUserDto } from './user-dto';
import type { UserEntity } from '../entities/user.entity';
import { AccountDeletionRepository } from '../account/account-deletion.repository';

/** Limits of login throttling, from configuration (docs/configuration.md). */
export class ThrottlePolicy {
  constructor(
    /** Soft per-account limit: above it, only addresses that have not failed on the account may try. */
    readonly maxPerAccount: number,
    readonly maxPerAddress: number,
    readonly windowSec: number,
    /** Failures of one (account, address) pair answered at once; each further one doubles the wait. */
    readonly freeFailures = 3,
    /** Longest wait of a pair. */
    readonly maxDelaySec = 900,
    /** Lifetime of a sign-in session (its refresh tokens). */
    readonly refreshTtlSec = 30 * 86_400,
  ) {}

  /** Seconds an (account, address) pair with `failures` must wait after its last failure. */
  pairDelaySec(failures: number): number {
    if (failures < this.freeFailures) return 0;
    return Math.min(this.maxDelaySec, 2 ** (failures - this.freeFailures));
  }
}

/** Registration, login with throttling, and the current user. */
@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly policy: ThrottlePolicy,
    private readonly sessions: SessionRepository,
    private readonly deletions: AccountDeletionRepository,
  ) {}

  async register(input: RegisterInput): Promise<UserDto> {
    const weak = passwordPolicyIssues(input.password, input);
    if (weak.length > 0) throw ApiException.validation('registration', weak);
    const hash = await this.hasher.hash(input.password);
    const user = await this.users.create(input.email, input.name, hash);
    if (!user) throw ApiException.conflict(`an account with email ${input.email} already exists`, { field: 'email' });
    await this.audit.record({ actorId: user.id, action: 'user.registered', resourceType: 'user', resourceId: user.id });
    return toUserDto(user);
  }

  /**
   * Checks the password with throttling that slows guessing without locking the owner out:
   * - an (account, address) pair gets `freeFailures` failures, then waits 1 s, 2 s, 4 s … (at most
   *   `maxDelaySec`) after each further one; a success clears it;
   * - an address gets `maxPerAddress` failures per window over all accounts (password spraying);
   * - an account gets a soft `maxPerAccount` failures per window over all addresses: above it,
   *   addresses that already failed on it wait for the window to end, while an address that has
   *   not failed on it (the owner somewhere else) still gets its attempt.
   */
  async login(input: LoginInput, address: string, now = new Date()): Promise<LoginResponse> {
    const email = input.email.toLowerCase();
    const accountKey = `account:${email}`;
    const addressKey = `address:${address}`;
    const pairKey = `pair:${email}|${address}`;
    const [account, fromAddress, pair] = await Promise.all([accountKey, addressKey, pairKey].map((key) => this.throttle.failures(key, this.policy.windowSec, now)));
    if (fromAddress.failures >= this.policy.maxPerAddress) refuse(fromAddress.windowEndsAt.getTime() - now.getTime(), 'from this address');
    const pairWaitMs = pair.lastFailureAt.getTime() + this.policy.pairDelaySec(pair.failures) * 1000 - now.getTime();
    if (pairWaitMs > 0) refuse(pairWaitMs, 'for this account from this address');
    if (account.failures >= this.policy.maxPerAccount && pair.failures > 0) refuse(account.windowEndsAt.getTime() - now.getTime(), 'for this account');
    const user = await this.users.findByEmail(input.email);
    const ok = user
      ? await this.hasher.verify(input.password, user.passwordHash)
      : (await this.hasher.verify(input.password, await (this.dummyHash ??= this.hasher.hash('not a real password'))), false);
    if (!user || !ok) {
      for (const key of [accountKey, addressKey, pairKey]) await this.throttle.recordFailure(key, this.policy.windowSec, now);
      throw ApiException.unauthorized('invalid email or password');
    }
    await this.throttle.reset(pairKey);
    if (await this.deletions.find(user.id)) throw new ApiException(403, 'account_deleted', 'this account is being deleted: it can no longer be used');
    const session = await this.sessions.open(user.id, this.policy.refreshTtlSec);
    return this.tokenPair(user, session.sessionId, session.refreshToken, session.expiresAt);
  }

  /**
   * Exchanges a refresh token (once) for a new access token and the session's next refresh token.
   * A token that was already used ends the whole session: someone replayed it.
   */
  async refresh(refreshToken: string): Promise<LoginResponse> {
    const outcome = await this.sessions.rotate(refreshToken);
    if (outcome.kind === 'reused') {
      throw new ApiException(401, 'refresh_token_reused', 'this refresh token was already used, so the session may be stolen: it has been ended everywhere; log in again');
    }
    if (outcome.kind !== 'rotated') throw new ApiException(401, 'invalid_refresh_token', outcome.kind === 'ended' ? 'the session has ended (logged out or expired); log in again' : 'unknown refresh token; log in again');
    const user = await this.users.findById(outcome.userId);
    if (!user) throw new ApiException(401, 'invalid_refresh_token', 'the account of this session no longer exists');
    return this.tokenPair(user, outcome.sessionId, outcome.refreshToken, outcome.expiresAt);
  }

  /** Ends the session of this access token: the token and the session's refresh tokens stop working. */
  async logout(user: AuthUser): Promise<void> {
    await this.sessions.revoke(user.sessionId, user.tokenId, new Date((user.expiresAtSec ?? Date.now() / 1000) * 1000), 'logged out');
    await this.audit.record({ actorId: user.id, action: 'user.logged_out', resourceType: 'user', resourceId: user.id });
  }

  /** Ends every session of the user, on every device (this token's too). */
  async logoutEverywhere(user: AuthUser): Promise<{ sessions: number }> {
    if (user.tokenId) await this.sessions.revoke(undefined, user.tokenId, new Date((user.expiresAtSec ?? Date.now() / 1000) * 1000), 'logged out everywhere');
    const sessions = await this.sessions.revokeAll(user.id, 'logged out everywhere');
    await this.audit.record({ actorId: user.id, action: 'user.logged_out_everywhere', resourceType: 'user', resourceId: user.id });
    return { sessions };
  }

  /** Service-to-service: whether an access token was revoked (the gateway asks, and caches briefly). */
  async isRevoked(sessionId: string, tokenId: string): Promise<boolean> {
    return this.sessions.isRevoked(sessionId, tokenId);
  }

  private tokenPair(user: UserEntity, sessionId: string, refreshToken: string, sessionEndsAt: Date): LoginResponse {
    const token = this.tokens.sign({ id: user.id, email: user.email }, sessionId);
    const refreshExpiresInSec = Math.max(0, Math.floor((sessionEndsAt.getTime() - Date.now()) / 1000));
    return { accessToken: token.accessToken, tokenType: 'Bearer', expiresInSec: token.expiresInSec, refreshToken, refreshExpiresInSec, user: toUserDto(user) };
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.users.findById(userId);
    if (!user) throw ApiException.unauthorized('the account of this token no longer exists');
    return toUserDto(user);
  }
}

/** A 429 `too_many_attempts` that says how long to wait (`Retry-After`). */
function refuse(waitMs: number, what: string): never {
  const retryAfterSec = Math.max(1, Math.ceil(waitMs / 1000));
  throw new ApiException(429, 'too_many_attempts', `too many failed logins ${what}; try again in ${retryAfterSec} s`, { retryAfterSec });
}
