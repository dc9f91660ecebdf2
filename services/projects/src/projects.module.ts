import { Module, type DynamicModule } from '@nestjs/common';
import { AuditRepository, CLOCK, DatabaseModule, ServiceClient, ServiceKitModule, systemClock } from '@architech/service-kit';
import type { ProjectsConfig } from './config';
import { AuditController } from './controllers/audit.controller';
import { InternalProjectsController } from './controllers/internal-projects.controller';
import { MembersController } from './controllers/members.controller';
import { ProjectsController } from './controllers/projects.controller';
import { AuditEventEntity } from '@architech/service-kit';
import { ProjectMemberEntity } from './entities/project-member.entity';
import { ProjectEntity } from './entities/project.entity';
import { MIGRATIONS } from './migrations';
import { AUDIT_TABLE } from './repositories/audit-table';
import { DesignAuditRepository, SimulationAuditRepository } from './repositories/design-audit.repository';
import { MemberRepository } from './repositories/member.repository';
import { ProjectRepository } from './repositories/project.repository';
import { TransactionRunner } from './repositories/transaction-runner';
import { UserDirectoryRepository } from './repositories/user-directory.repository';
import { InternalRequirementsController, RequirementsController } from './requirements/requirements.controller';
import { RequirementsService } from './requirements/requirements.service';
import { MembersService } from './services/members.service';
import { ProjectAccess } from './services/project-access';
import { ProjectAuditService } from './services/project-audit.service';
import { ProjectsService, TRASH_DAYS } from './services/projects.service';
import { ProjectPurge, PURGE_SWEEP_SEC } from './jobs/project-purge';
import { AccountDataRepository } from './account/account-data.repository';
import { AccountErasureService } from './account/account-erasure.service';
import { InternalAccountsController } from './account/internal-accounts.controller';
import { DesignsPeerClient, PeerDataRepository, SimulationsPeerClient } from './repositories/peer-data.repository';
import { ProjectPurger } from './services/project-purger';

/** The projects service: projects, their members and roles, the project audit trail. Owns the `projects` schema. */
@Module({})
export class ProjectsModule {
  static forRoot(config: ProjectsConfig): DynamicModule {
    return {
      module: ProjectsModule,
      imports: [
        ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN }),
        DatabaseModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          schema: 'projects',
          entities: [ProjectEntity, ProjectMemberEntity, AuditEventEntity],
          migrations: MIGRATIONS,
        }),
      ],
      controllers: [ProjectsController, MembersController, AuditController, InternalProjectsController, RequirementsController, InternalRequirementsController, InternalAccountsController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: TRASH_DAYS, useValue: config.PROJECT_TRASH_DAYS },
        { provide: PURGE_SWEEP_SEC, useValue: config.LIFECYCLE_SWEEP_SEC },
        ProjectPurge,
        ProjectPurger,
        AccountDataRepository,
        AccountErasureService,
        { provide: PeerDataRepository, useValue: new PeerDataRepository(new DesignsPeerClient(config.DESIGNS_URL, config.INTERNAL_TOKEN, 'designs'), new SimulationsPeerClient(config.SIMULATIONS_URL, config.INTERNAL_TOKEN, 'simulations')) },
        ProjectRepository,
        MemberRepository,
        AuditRepository.provider(AUDIT_TABLE),
        TransactionRunner,
        ProjectAccess,
        ProjectsService,
        MembersService,
        ProjectAuditService,
        RequirementsService,
        { provide: UserDirectoryRepository, useValue: new UserDirectoryRepository(new ServiceClient(config.USERS_URL, config.INTERNAL_TOKEN, 'users')) },
        { provide: DesignAuditRepository, useValue: new DesignAuditRepository(new ServiceClient(config.DESIGNS_URL, config.INTERNAL_TOKEN, 'designs')) },
        { provide: SimulationAuditRepository, useValue: new SimulationAuditRepository(config.SIMULATIONS_URL ? new ServiceClient(config.SIMULATIONS_URL, config.INTERNAL_TOKEN, 'simulations') : undefined) },
      ],
    };
  }
}
