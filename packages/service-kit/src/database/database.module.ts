import { DynamicModule, Global, Module, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../health/health.controller';
import { openServiceDatabase, type ServiceDatabaseOptions } from './data-source';

/** Closes the pool when the application stops. */
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the service's migrated data source under {@link DATA_SOURCE}. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATA_SOURCE, useFactory: () => openServiceDatabase(options) }, DataSourceCloser],
      exports: [DATA_SOURCE],
    };
  }
}
