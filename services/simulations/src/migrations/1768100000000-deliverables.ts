import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliverables (docs/reports.md): generated reports of a run or of a check run, their status and progress, their
 * content (bytea) until retention expires them, and how often they were downloaded.
 */
export class Deliverables1768100000000 implements MigrationInterface {
  name = 'Deliverables1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations.deliverables (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      simulation_id uuid REFERENCES simulations.simulations (id) ON DELETE CASCADE,
      check_run_id uuid REFERENCES simulations.check_runs (id) ON DELETE CASCADE,
      project_id uuid NOT NULL,
      user_id uuid NOT NULL,
      type text NOT NULL CHECK (type IN ('run-report-html', 'run-report-pdf', 'check-report-html', 'check-report-pdf')),
      status text NOT NULL CHECK (status IN ('generating', 'ready', 'failed', 'expired')),
      progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      stage text,
      size_bytes bigint,
      content bytea,
      file_name text NOT NULL,
      content_type text NOT NULL,
      error text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz,
      expires_at timestamptz,
      expired_at timestamptz,
      download_count integer NOT NULL DEFAULT 0,
      CHECK (num_nonnulls(simulation_id, check_run_id) = 1)
    )`);
    await q.query(`CREATE INDEX deliverables_simulation ON simulations.deliverables (simulation_id, created_at DESC)`);
    await q.query(`CREATE INDEX deliverables_check_run ON simulations.deliverables (check_run_id, created_at DESC) WHERE check_run_id IS NOT NULL`);
    await q.query(`CREATE INDEX deliverables_due ON simulations.deliverables (expires_at) WHERE status <> 'expired' AND expires_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulations.deliverables`);
  }
}
