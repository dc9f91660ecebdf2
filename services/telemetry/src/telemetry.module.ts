import { Module, type DynamicModule } from '@nestjs/common';
import { CLOCK, DATA_SOURCE, DatabaseModule, ServiceKitModule, systemClock, type EventBus } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import type { TelemetryConfig } from './config';
import { TelemetryController } from './controllers/telemetry.controller';
import { InternalSharedTelemetryController } from './controllers/internal-shared-telemetry.controller';
import { InternalTelemetryController } from './controllers/internal-telemetry.controller';
import { PeersRepository, ProjectsClient, SimulationsClient } from './repositories/peers.repository';
import { TelemetryRetention } from './jobs/telemetry-retention';
import { TelemetryPurge } from './jobs/telemetry-purge';
import { TELEMETRY_MIGRATIONS } from './move-telemetry';
import { TelemetryCompletion } from './services/completion';
import { Ingestion } from './services/ingestion';
import { TelemetryQueryService } from './services/telemetry-query.service';
import { createConfiguredMetricStore, createConfiguredTraceStore } from './stores';
import { StoreWriter, type TelemetryWriter } from './services/telemetry-writer';
import { ingestionThreadAvailable, ThreadedWriter } from './services/threaded-writer';
import { EVENT_BUS, METRIC_STORE, RETENTION_SETTINGS, TELEMETRY_WRITER, TRACE_STORE } from './tokens';
import type { MetricStore, TraceStore } from '@architech/service-kit';

/**
 * Who decodes and stores ingested batches: with both stores on Postgres, a thread of its own with
 * its own pool (the service's event loop stays free for queries); otherwise this thread.
 */
function createWriter(config: TelemetryConfig, ds: DataSource, metrics: MetricStore, traces: TraceStore): TelemetryWriter {
  const url = (ds.options as { url?: string }).url;
  if (config.METRIC_STORE === 'postgres' && config.TRACE_STORE === 'postgres' && url && ingestionThreadAvailable()) {
    return new ThreadedWriter({ databaseUrl: url, schema: 'telemetry', poolSize: 4, nice: config.TELEMETRY_INGESTION_NICE });
  }
  return new StoreWriter(metrics, traces);
}

/** The telemetry service: bus → metric store and trace/log store, and the query API. Owns the `telemetry` schema. */
@Module({})
export class TelemetryModule {
  static forRoot(config: TelemetryConfig, bus: EventBus): DynamicModule {
    return {
      module: TelemetryModule,
      imports: [
        ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN }),
        DatabaseModule.forRoot({
          databaseUrl: config.TELEMETRY_DATABASE_URL ?? config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          schema: 'telemetry',
          entities: [],
          migrations: TELEMETRY_MIGRATIONS,
        }),
      ],
      controllers: [TelemetryController, InternalTelemetryController, InternalSharedTelemetryController],
      providers: [
        { provide: EVENT_BUS, useValue: bus },
        { provide: CLOCK, useValue: systemClock },
        { provide: RETENTION_SETTINGS, useValue: { telemetryDays: config.RETENTION_TELEMETRY_DAYS, sweepSec: config.LIFECYCLE_SWEEP_SEC } },
        { provide: METRIC_STORE, useFactory: (ds: DataSource) => createConfiguredMetricStore(config, ds), inject: [DATA_SOURCE] },
        { provide: TRACE_STORE, useFactory: (ds: DataSource) => createConfiguredTraceStore(config, ds), inject: [DATA_SOURCE] },
        { provide: TELEMETRY_WRITER, useFactory: (ds: DataSource, m: MetricStore, t: TraceStore) => createWriter(config, ds, m, t), inject: [DATA_SOURCE, METRIC_STORE, TRACE_STORE] },
        { provide: SimulationsClient, useValue: new SimulationsClient(config.SIMULATIONS_URL, config.INTERNAL_TOKEN, 'simulations') },
        { provide: ProjectsClient, useValue: new ProjectsClient(config.PROJECTS_URL, config.INTERNAL_TOKEN, 'projects') },
        PeersRepository,
        TelemetryQueryService,
        TelemetryCompletion,
        Ingestion,
        TelemetryRetention,
        TelemetryPurge,
      ],
    };
  }
}
