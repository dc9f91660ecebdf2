import type { MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDatabase } from '../src/database/data-source';
import { createTestDatabase } from './support/test-database';

/** A migration slow enough that two replicas starting together would both be inside it. */
class CreateWidgets1700000000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
    await runner.query('SELECT pg_sleep(0.3)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

describe('a service database', () => {
  it('migrates once when several replicas of a service start at the same moment', async () => {
    const database = await createTestDatabase('service_db_lock');
    try {
      const open = () => openServiceDatabase({ databaseUrl: database.url, dataDir: '', schema: 'widgets', entities: [], migrations: [CreateWidgets1700000000000], poolSize: 2 });
      const replicas = await Promise.all([open(), open(), open()]);
      try {
        const applied = await replicas[0]!.query('SELECT name FROM widgets.migrations');
        expect(applied).toEqual([{ name: 'CreateWidgets1700000000000' }]);
      } finally {
        await Promise.all(replicas.map((r) => r.destroy()));
      }
    } finally {
      await database.drop();
    }
  });
});
