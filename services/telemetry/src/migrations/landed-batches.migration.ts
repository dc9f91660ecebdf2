import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which batches of a simulation's final telemetry publication are stored (TELEMETRY_HEADERS), so
 * any telemetry instance can tell when the last one landed. Rows of one publication share its
 * manifest; a re-run's identical publication finds its batches already there.
 */
export class CreateLandedBatches1765000000000 implements MigrationInterface {
  name = 'CreateLandedBatches1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE telemetry.landed_batches (
      simulation_id text NOT NULL,
      kind text NOT NULL,
      batch_index integer NOT NULL,
      manifest text NOT NULL,
      landed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (simulation_id, manifest, kind, batch_index)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE telemetry.landed_batches`);
  }
}
