import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Design reviews and refine runs of a design version: request, live progress, timeline and result. */
export class CreateAnalyses1766000000000 implements MigrationInterface {
  name = 'CreateAnalyses1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations.analyses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('review', 'refinement')),
      design_id uuid NOT NULL,
      project_id uuid NOT NULL,
      user_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED')),
      progress double precision NOT NULL DEFAULT 0,
      stage text,
      request jsonb NOT NULL,
      timeline jsonb NOT NULL DEFAULT '[]'::jsonb,
      result jsonb,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX analyses_design_idx ON simulations.analyses (design_id, kind, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulations.analyses`);
  }
}
