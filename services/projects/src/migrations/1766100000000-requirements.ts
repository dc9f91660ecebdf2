import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Requirements (SLOs checked on design versions, docs/checks.md): one row per project and REQ id. */
export class Requirements1766100000000 implements MigrationInterface {
  name = 'Requirements1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE projects.requirements (
      project_id uuid NOT NULL REFERENCES projects.projects (id) ON DELETE CASCADE,
      id text NOT NULL,
      statement text NOT NULL,
      tags jsonb NOT NULL DEFAULT '[]'::jsonb,
      scenario jsonb NOT NULL,
      criteria jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (project_id, id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projects.requirements`);
  }
}
