import { Module, type DynamicModule } from '@nestjs/common';
import { AuditRepository, CLOCK, DatabaseModule, ServiceKitModule, systemClock } from '@architech/service-kit';
import { AccountController } from './account/account.controller';
import { AccountDeletionRepository } from './account/account-deletion.repository';
import { AccountDeletionRetry, DELETION_RETRY_SEC } from './account/account-deletion-retry';
import { AccountDeletionService } from './account/account-deletion.service';
import { AccountExportService } from './account/account-export.service';
import { ProjectsClient, ProjectsPeerRepository } from './account/projects-peer.repository';
import type { UsersConfig } from './config';
import { AuthController } from './controllers/auth.controller';
import { InternalTokensController } from './controllers/internal-tokens.controller';
import { InternalUsersController } from './controllers/internal-users.controller';
import { LoginThrottleEntity } from './entities/login-throttle.entity';
import { UserEntity } from './entities/user.entity';
import { MIGRATIONS } from './migrations';
import { AUDIT_TABLE } from './repositories/audit-table';
import { LoginThrottleRepository } from './repositories/login-throttle.repository';
import { SessionRepository } from './repositories/session.repository';
import { UserRepository } from './repositories/user.repository';
import { AuthService, ThrottlePolicy } from './services/auth.service';
import { PasswordHasher } from './services/password-hasher';

/** The users service: accounts, login, the current user. Owns the `users` schema. */
@Module({})
export class UsersModule {
  static forRoot(config: UsersConfig): DynamicModule {
    return {
      module: UsersModule,
      imports: [
        ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN }),
        DatabaseModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          schema: 'users',
          entities: [UserEntity, LoginThrottleEntity],
          migrations: MIGRATIONS,
        }),
      ],
      controllers: [AuthController, AccountController, InternalUsersController, InternalTokensController],
      providers: [
        UserRepository,
        LoginThrottleRepository,
        SessionRepository,
        AuditRepository.provider(AUDIT_TABLE),
        AuthService,
        AccountDeletionRepository,
        AccountDeletionService,
        AccountExportService,
        AccountDeletionRetry,
        { provide: CLOCK, useValue: systemClock },
        { provide: DELETION_RETRY_SEC, useValue: config.LIFECYCLE_SWEEP_SEC },
        { provide: ProjectsPeerRepository, useValue: new ProjectsPeerRepository(new ProjectsClient(config.PROJECTS_URL, config.INTERNAL_TOKEN, 'projects')) },
        { provide: PasswordHasher, useValue: new PasswordHasher(config.BCRYPT_COST) },
        { provide: ThrottlePolicy, useValue: new ThrottlePolicy(config.LOGIN_MAX_FAILURES_PER_ACCOUNT, config.LOGIN_MAX_FAILURES_PER_ADDRESS, config.LOGIN_WINDOW_SEC, config.LOGIN_FREE_FAILURES, config.LOGIN_MAX_DELAY_SEC, config.REFRESH_TTL_SEC) },
      ],
    };
  }
}
