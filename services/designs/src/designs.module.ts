import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseModule, ServiceClient, ServiceKitModule } from '@architech/service-kit';
import type { DesignsConfig } from './config';
import { DesignsController } from './controllers/designs.controller';
import { ImportsController } from './controllers/imports.controller';
import { InternalAuditController } from './controllers/internal-audit.controller';
import { InternalDesignsController } from './controllers/internal-designs.controller';
import { InternalLifecycleController } from './controllers/internal-lifecycle.controller';
import { DesignLifecycleRepository } from './repositories/design-lifecycle.repository';
import { AuditEventEntity, AuditRepository } from '@architech/service-kit';
import { ComponentEntity } from './entities/component.entity';
import { ConnectionEntity } from './entities/connection.entity';
import { DesignEntity } from './entities/design.entity';
import { MIGRATIONS } from './migrations';
import { AUDIT_TABLE } from './repositories/audit-table';
import { DesignVersionRepository } from './repositories/design-version.repository';
import { GraphCachePolicy, GraphTextCache } from './repositories/graph-text-cache';
import { MembershipCachePolicy, ProjectMembershipRepository } from './repositories/project-membership.repository';
import { DesignAccess } from './services/design-access.service';
import { DesignsService } from './services/designs.service';
import { ImportsService } from './services/imports.service';
import { SaveDesignReader } from './services/save-design-reader';

/** The designs service: immutable design versions, their history and diffs. Owns the `designs` schema. */
@Module({})
export class DesignsModule {
  static forRoot(config: DesignsConfig): DynamicModule {
    return {
      module: DesignsModule,
      imports: [
        ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN }),
        DatabaseModule.forRoot({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          schema: 'designs',
          entities: [DesignEntity, ComponentEntity, ConnectionEntity, AuditEventEntity],
          migrations: MIGRATIONS,
        }),
      ],
      controllers: [DesignsController, ImportsController, InternalAuditController, InternalDesignsController, InternalLifecycleController],
      providers: [
        DesignVersionRepository,
        DesignLifecycleRepository,
        AuditRepository.provider(AUDIT_TABLE),
        ProjectMembershipRepository,
        DesignAccess,
        DesignsService,
        ImportsService,
        { provide: ServiceClient, useValue: new ServiceClient(config.PROJECTS_URL, config.INTERNAL_TOKEN, 'projects') },
        { provide: SaveDesignReader, useValue: new SaveDesignReader(config.DESIGN_SAVE_THREADS) },
        { provide: MembershipCachePolicy, useValue: new MembershipCachePolicy(config.MEMBERSHIP_CACHE_MS) },
        // Characters, not bytes: graph JSON is mostly ASCII, and a JS string holds 1–2 bytes per character.
        { provide: GraphTextCache, useValue: new GraphTextCache(new GraphCachePolicy(Math.floor(config.DESIGN_GRAPH_CACHE_MB * 1024 * 1024))) },
      ],
    };
  }
}
