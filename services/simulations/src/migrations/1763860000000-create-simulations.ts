import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Simulations (one per launch of a design version) and their results, in the `simulations` schema. */
export class CreateSimulations1763860000000 implements MigrationInterface {
  name = 'CreateSimulations1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE simulations.simulations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      design_id uuid NOT NULL,
      project_id uuid NOT NULL,
      user_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
      progress double precision NOT NULL DEFAULT 0,
      configuration jsonb NOT NULL,
      error text,
      cancel_requested boolean NOT NULL DEFAULT false,
      worker_id text,
      heartbeat_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX simulations_design_idx ON simulations.simulations (design_id, created_at DESC)`);
    await q.query(`CREATE INDEX simulations_active_idx ON simulations.simulations (status) WHERE status IN ('PENDING', 'RUNNING')`);
    await q.query(`CREATE TABLE simulations.simulation_results (
      simulation_id uuid PRIMARY KEY REFERENCES simulations.simulations (id) ON DELETE CASCADE,
      summary jsonb NOT NULL,
      ci95 jsonb,
      settings jsonb NOT NULL,
      replications int NOT NULL,
      events bigint NOT NULL,
      wall_ms double precision NOT NULL,
      faults jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulations.simulation_results`);
    await q.query(`DROP TABLE simulations.simulations`);
  }
}
