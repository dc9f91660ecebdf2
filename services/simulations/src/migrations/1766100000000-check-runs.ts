import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Check runs (docs/checks.md): a run of every requirement of a project on one design version, its
 * evidence per requirement, and the one-replication simulations behind it with the slice of
 * their time series that windows and recoverySec read.
 */
export class CheckRuns1766100000000 implements MigrationInterface {
  name = 'CheckRuns1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations.check_runs (
      id uuid PRIMARY KEY,
      project_id uuid NOT NULL,
      design_id uuid NOT NULL,
      design_version integer NOT NULL,
      user_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
      verdict text NULL CHECK (verdict IN ('passed', 'failed', 'inconclusive')),
      done integer NOT NULL DEFAULT 0,
      total integer NOT NULL,
      error text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz NULL
    )`);
    await q.query(`CREATE INDEX check_runs_project_idx ON simulations.check_runs (project_id, created_at)`);
    await q.query(`CREATE TABLE simulations.check_evidence (
      check_run_id uuid NOT NULL REFERENCES simulations.check_runs (id) ON DELETE CASCADE,
      requirement_id text NOT NULL,
      verdict text NOT NULL CHECK (verdict IN ('passed', 'failed', 'inconclusive')),
      flaky boolean NOT NULL,
      record jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (check_run_id, requirement_id)
    )`);
    await q.query(`CREATE TABLE simulations.check_replications (
      simulation_id uuid PRIMARY KEY,
      check_run_id uuid NOT NULL REFERENCES simulations.check_runs (id) ON DELETE CASCADE,
      components jsonb NOT NULL,
      series jsonb NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulations.check_replications`);
    await q.query(`DROP TABLE simulations.check_evidence`);
    await q.query(`DROP TABLE simulations.check_runs`);
  }
}
