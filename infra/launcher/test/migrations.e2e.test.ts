import { DataSource } from 'typeorm';
import { MIGRATIONS as DESIGNS } from '@architech/designs-service/migrations';
import { MIGRATIONS as PROJECTS } from '@architech/projects-service/migrations';
import { MIGRATIONS as SIMULATIONS } from '@architech/simulations-service/migrations';
import { MIGRATIONS as USERS } from '@architech/users-service/migrations';
import { createTestDatabase } from './support/processes';

/* Every service's migrations on a real PostgreSQL: up, idempotent re-run, down to nothing, up again. */

jest.setTimeout(60_000);

const services = [
  { schema: 'users', migrations: USERS, tables: ['account_deletions', 'audit_events', 'login_throttle', 'migrations', 'refresh_tokens', 'revoked_tokens', 'sessions', 'users'] },
  { schema: 'projects', migrations: PROJECTS, tables: ['audit_events', 'migrations', 'project_members', 'projects', 'requirements'] },
  { schema: 'designs', migrations: DESIGNS, tables: ['audit_events', 'components', 'connections', 'designs', 'migrations'] },
  { schema: 'simulations', migrations: SIMULATIONS, tables: ['analyses', 'audit_events', 'check_evidence', 'check_replications', 'check_runs', 'deliverables', 'migrations', 'share_links', 'simulation_results', 'simulations'] },
];

describe.each(services)('the $schema migrations', ({ schema, migrations, tables }) => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(`architech_mig_${schema}`);
    dataSource = new DataSource({ type: 'postgres', url: db.url, schema, migrations, migrationsTableName: 'migrations', migrationsTransactionMode: 'each' });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const tablesOf = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])).map((r: { table_name: string }) => r.table_name);

  it('creates its tables in its own schema, and nothing in public', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied).toHaveLength(migrations.length);
    expect(await tablesOf()).toEqual(tables);
    expect(await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).toEqual([]);
  });

  it('applies nothing the second time (idempotent start)', async () => {
    expect(await dataSource.runMigrations()).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
    expect(await tablesOf()).toEqual(['migrations']);
    expect(await dataSource.runMigrations()).toHaveLength(migrations.length);
    expect(await tablesOf()).toEqual(tables);
  });
});
