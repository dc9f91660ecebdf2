import { Injectable } from '@nestjs/common';
import type { LoginInput, LoginResponse, RegisterInput, UserDto } from '@architech/contracts';
import { ApiException, TokenService } from '@architech/service-kit';
import { UserRepository } from '../repositories/user.repository';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { AuditRepository } from '../repositories/audit.repository';
import { PasswordHasher } from './password-hasher';
import { passwordPolicyIssues } from './password-policy';
import { toUserDto } from './user-dto';

/** Limits of login throttling, from configuration. */
export class ThrottlePolicy {
  constructor(
    readonly maxPerAccount: number,
    readonly maxPerAddress: number,
    readonly windowSec: number,
  ) {}
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
  ) {}

  async register(input: RegisterInput): Promise<UserDto> {
    const weak = passwordPolicyIssues(input.password, input);
    if (weak.length > 0) throw ApiException.validation('registration', weak);
    const hash = await this.hasher.hash(input.password);
    const user = await this.users.create(input.email, input.name, hash);
    if (!user) throw ApiException.conflict(`an account with email ${input.email} already exists`, { field: 'email' });
    await this.audit.record(user.id, 'user.registered', 'user', user.id);
    return toUserDto(user);
  }

  async login(input: LoginInput, address: string, now = new Date()): Promise<LoginResponse> {
    const accountKey = `account:${input.email.toLowerCase()}`;
    const addressKey = `address:${address}`;
    await this.refuseIfThrottled(accountKey, this.policy.maxPerAccount, now, 'this account');
    await this.refuseIfThrottled(addressKey, this.policy.maxPerAddress, now, 'this address');
    const user = await this.users.findByEmail(input.email);
    const ok = user
      ? await this.hasher.verify(input.password, user.passwordHash)
      : (await this.hasher.verify(input.password, await (this.dummyHash ??= this.hasher.hash('not a real password'))), false);
    if (!user || !ok) {
      await this.throttle.recordFailure(accountKey, this.policy.windowSec, now);
      await this.throttle.recordFailure(addressKey, this.policy.windowSec, now);
      throw ApiException.unauthorized('invalid email or password');
    }
    await this.throttle.reset(accountKey);
    const token = this.tokens.sign({ id: user.id, email: user.email });
    return { accessToken: token.accessToken, tokenType: 'Bearer', expiresInSec: token.expiresInSec, user: toUserDto(user) };
  }

  async me(userId: string): Promise<UserDto> {
    const user = await this.users.findById(userId);
    if (!user) throw ApiException.unauthorized('the account of this token no longer exists');
    return toUserDto(user);
  }

  private async refuseIfThrottled(key: string, max: number, now: Date, what: string): Promise<void> {
    const { failures, windowEndsAt } = await this.throttle.failures(key, this.policy.windowSec, now);
    if (failures >= max) {
      const retryAfterSec = Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000));
      throw new ApiException(429, 'too_many_attempts', `too many failed logins from ${what}; try again in ${retryAfterSec} s`, { retryAfterSec });
    }
  }
}
