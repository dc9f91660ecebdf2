import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When retention deleted a run's telemetry and under which retention (`telemetryExpiredAt`,
 * `telemetryRetentionDays` in the API), and an index for telemetry's question "which finished
 * runs still have telemetry, oldest first".
 */
export class TelemetryExpired1767000000000 implements MigrationInterface {
  name = 'TelemetryExpired1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulations ADD COLUMN telemetry_expired_at timestamptz, ADD COLUMN telemetry_retention_days integer`);
    await q.query(`CREATE INDEX simulations_telemetry_kept ON simulations.simulations (finished_at) WHERE telemetry_expired_at IS NULL AND finished_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX simulations.simulations_telemetry_kept`);
    await q.query(`ALTER TABLE simulations.simulations DROP COLUMN telemetry_expired_at, DROP COLUMN telemetry_retention_days`);
  }
}
