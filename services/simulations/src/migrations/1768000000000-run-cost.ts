import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A completed run's cost (docs/providers.md): the engine's `result.cost`, priced with the
 * project's overrides; null for a run whose design has no provider block (and runs before this).
 */
export class RunCost1768000000000 implements MigrationInterface {
  name = 'RunCost1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulation_results ADD COLUMN cost jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulation_results DROP COLUMN cost`);
  }
}
