import { DataSource, type DataSourceOptions } from 'typeorm';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface ServiceDatabaseOptions {
  /** Postgres URL; undefined → embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The service's own Postgres schema: its tables and its migrations table live there. */
  schema: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  poolSize?: number;
}

/**
 * Connects a service to its Postgres schema and runs its pending migrations (idempotent: applied
 * ones are recorded in `<schema>.migrations`). Never uses `synchronize`.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  const url = options.databaseUrl ?? (await startEmbeddedPostgres(options.dataDir)).url;
  // Replicas of a service starting together (compose, Kubernetes) would race to create the schema
  // and apply the same migration: a session advisory lock per schema lets one migrate at a time.
  const bootstrap = new DataSource({ type: 'postgres', url, poolSize: 1 });
  await bootstrap.initialize();
  const lockKey = `architech-migrations:${options.schema}`;
  try {
    await bootstrap.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const dataSource = new DataSource({
      type: 'postgres',
      url,
      schema: options.schema,
      entities: options.entities,
      migrations: options.migrations,
      migrationsTableName: 'migrations',
      migrationsTransactionMode: 'each',
      synchronize: false,
      poolSize: options.poolSize ?? 8,
      applicationName: `architech-${options.schema}`,
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
    return dataSource;
  } finally {
    await bootstrap.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await bootstrap.destroy();
  }
}
