import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a PENDING simulation waits for an engine thread (1 = next), as its worker last reported. */
export class QueuePosition1763860000001 implements MigrationInterface {
  name = 'QueuePosition1763860000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulations ADD COLUMN queue_position int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE simulations.simulations DROP COLUMN queue_position`);
  }
}
