import { Module, type DynamicModule } from '@nestjs/common';
import { AuditEventEntity, AuditRepository, DatabaseModule, ServiceKitModule, type EventBus } from '@architech/service-kit';
import { AnalysesController } from './analyses/analyses.controller';
import { AnalysesService } from './analyses/analyses.service';
import { AnalysisRunner } from './analyses/analysis-runner';
import { AnalysisEventStream } from './analyses/analysis-stream';
import { AnalysisRepository } from './analyses/analysis.repository';
import type { SimulationsConfig } from './config';
import { CheckHistoryService } from './checks/check-history.service';
import { CheckRunRepository } from './checks/check-run.repository';
import { CheckRunsService } from './checks/check-runs.service';
import { CheckSeriesCapture } from './checks/check-series';
import { ChecksController } from './checks/checks.controller';
import { ReplicationRunner } from './checks/replication-runner';
import { InternalSimulationsController } from './controllers/internal-simulations.controller';
import { InternalLifecycleController } from './lifecycle/internal-lifecycle.controller';
import { SimulationLifecycleRepository } from './lifecycle/simulation-lifecycle.repository';
import { SimulationPurgeService } from './lifecycle/simulation-purge.service';
import { SimulationsController } from './controllers/simulations.controller';
import { SimulationEntity } from './entities/simulation.entity';
import { MIGRATIONS } from './migrations';
import { DesignsClient, PeerServicesRepository, ProjectsClient } from './repositories/peer-services.repository';
import { SimulationRepository } from './repositories/simulation.repository';
import { SimulationEventStream } from './services/event-stream';
import { CLOCK, systemClock } from './jobs/clock';
import { ENGINE_FACTORY } from './jobs/engine';
import { INSTANCE_ID, newInstanceId } from './jobs/instance-id';
import { JobConsumer } from './jobs/job-consumer';
import { JobExecutor } from './jobs/job-executor';
import { RunPrices } from './jobs/run-prices';
import { JobWorker } from './jobs/job-worker';
import { PendingRequeuer } from './jobs/pending-requeuer';
import { QueuePositions } from './jobs/queue-positions';
import { RunRecorder } from './jobs/run-recorder';
import { StaleRunSweeper } from './jobs/stale-run-sweeper';
import { StatusRelay } from './jobs/status-relay';
import { EVENT_BUS } from './repositories/event-bus.token';
import { JobBusRepository } from './repositories/job-bus.repository';
import { TelemetryBusRepository } from './repositories/telemetry-bus.repository';
import { EnginePool } from './worker/engine-pool';
import { TelemetryAcks } from './services/telemetry-acks';
import { TelemetryExpiryAcks } from './services/telemetry-expiry-acks';
import { SimulationAccess } from './services/simulation-access';
import { SIMULATIONS_CONFIG, SimulationsService } from './services/simulations.service';
import { StatusHub } from './services/status-hub';
import { DeliverableRepository } from './reports/deliverable.repository';
import { CheckDeliverablesController, DeliverablesController, InternalSharedDeliverablesController } from './reports/deliverables.controller';
import { DeliverablesService } from './reports/deliverables.service';
import { ChromiumPdfRenderer, PDF_RENDERER } from './reports/pdf-renderer';
import { REPORT_RETENTION_SETTINGS, ReportRetention } from './reports/report-retention';
import { ReportSource, TelemetryClient } from './reports/report-source';
import { ReportTargets } from './reports/report-targets';
import { AUDIT_TABLE } from './share-links/audit-table';
import { InternalShareLinksController } from './share-links/internal-share-links.controller';
import { ShareLinkRepository } from './share-links/share-link.repository';
import { ShareLinksController } from './share-links/share-links.controller';
import { ShareLinksService } from './share-links/share-links.service';

/** The simulations service: launches, runs (engine thread pool), progress, results. Owns the `simulations` schema. */
@Module({})
export class SimulationsModule {
  static forRoot(config: SimulationsConfig, bus: EventBus): DynamicModule {
    return {
      module: SimulationsModule,
      imports: [
        ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN }),
        DatabaseModule.forRoot({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, schema: 'simulations', entities: [SimulationEntity, AuditEventEntity], migrations: MIGRATIONS }),
      ],
      controllers: [SimulationsController, InternalSimulationsController, ChecksController, AnalysesController, DeliverablesController, CheckDeliverablesController, InternalSharedDeliverablesController, InternalLifecycleController, ShareLinksController, InternalShareLinksController],
      providers: [
        { provide: SIMULATIONS_CONFIG, useValue: config },
        { provide: EVENT_BUS, useValue: bus },
        { provide: CLOCK, useValue: systemClock },
        { provide: INSTANCE_ID, useFactory: newInstanceId },
        { provide: ENGINE_FACTORY, useValue: () => new EnginePool(config.SIM_WORKERS, config.SIM_WORKER_MEMORY_MB, config.SIM_ENGINE_NICE) },
        { provide: ProjectsClient, useValue: new ProjectsClient(config.PROJECTS_URL, config.INTERNAL_TOKEN, 'projects') },
        { provide: DesignsClient, useValue: new DesignsClient(config.DESIGNS_URL, config.INTERNAL_TOKEN, 'designs') },
        PeerServicesRepository,
        SimulationRepository,
        SimulationAccess,
        SimulationsService,
        JobBusRepository,
        TelemetryBusRepository,
        StatusHub,
        SimulationEventStream,
        StatusRelay,
        StaleRunSweeper,
        PendingRequeuer,
        QueuePositions,
        RunRecorder,
        JobExecutor,
        RunPrices,
        JobConsumer,
        JobWorker,
        TelemetryAcks,
        TelemetryExpiryAcks,
        CheckRunRepository,
        CheckSeriesCapture,
        ReplicationRunner,
        CheckRunsService,
        CheckHistoryService,
        AnalysisRepository,
        AnalysisRunner,
        AnalysesService,
        AnalysisEventStream,
        { provide: TelemetryClient, useValue: new TelemetryClient(config.TELEMETRY_URL, config.INTERNAL_TOKEN, 'telemetry') },
        { provide: PDF_RENDERER, useValue: new ChromiumPdfRenderer(config.CHROMIUM_PATH, config.REPORT_PDF_TIMEOUT_SEC * 1000) },
        { provide: REPORT_RETENTION_SETTINGS, useValue: { reportsDays: config.RETENTION_REPORTS_DAYS, sweepSec: config.LIFECYCLE_SWEEP_SEC } },
        DeliverableRepository,
        ReportSource,
        ReportTargets,
        DeliverablesService,
        ReportRetention,
        SimulationLifecycleRepository,
        SimulationPurgeService,
        AuditRepository.provider(AUDIT_TABLE),
        ShareLinkRepository,
        ShareLinksService,
      ],
    };
  }
}
