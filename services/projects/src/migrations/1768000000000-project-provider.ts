import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A project's provider scope (the catalogue its palette shows) and its price overrides, which win
 * over the list prices when its runs are priced (docs/providers.md). Existing projects get `any`
 * and no overrides.
 */
export class ProjectProvider1768000000000 implements MigrationInterface {
  name = 'ProjectProvider1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE projects.projects
         ADD COLUMN provider text NOT NULL DEFAULT 'any' CONSTRAINT projects_provider_scope CHECK (provider IN ('aws', 'azure', 'gcp', 'any')),
         ADD COLUMN price_overrides jsonb NOT NULL DEFAULT '[]'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE projects.projects DROP COLUMN provider, DROP COLUMN price_overrides`);
  }
}
