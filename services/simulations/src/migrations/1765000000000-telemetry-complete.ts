import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When telemetry acknowledged storing a run's final telemetry (`telemetryComplete` in the API). */
export class TelemetryComplete1765000000000 implements MigrationInterface {
  name = 'TelemetryComplete1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulations ADD COLUMN telemetry_complete_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulations DROP COLUMN telemetry_complete_at`);
  }
}
