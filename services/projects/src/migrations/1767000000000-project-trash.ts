import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Soft delete (docs/data-lifecycle.md): a deleted project keeps its row, marked with when and by
 * whom, until the purge removes it after the grace period; the index serves the purge's question.
 */
export class ProjectTrash1767000000000 implements MigrationInterface {
  name = 'ProjectTrash1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects.projects ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by uuid`);
    await q.query(`CREATE INDEX projects_deleted_at ON projects.projects (deleted_at) WHERE deleted_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX projects.projects_deleted_at`);
    await q.query(`ALTER TABLE projects.projects DROP COLUMN deleted_at, DROP COLUMN deleted_by`);
  }
}
