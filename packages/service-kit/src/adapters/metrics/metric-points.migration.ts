import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteMetricSchema } from './metric-schema';

/** The `metric_points` table in the quoted schema `s` (also what reverting the chunks migration recreates). */
export function metricPointsTableSql(s: string): string {
  return `CREATE TABLE ${s}.metric_points (
        simulation_id text NOT NULL,
        component_id text NOT NULL,
        component_type text NOT NULL,
        metric text NOT NULL,
        time_sec double precision NOT NULL,
        value double precision NOT NULL,
        PRIMARY KEY (simulation_id, metric, component_id, time_sec)
      )`;
}

/**
 * The migration that creates the Postgres metric store's `metric_points` table in a service's own
 * schema (which the service creates, as it holds its migrations table). A factory, not a class,
 * because the schema is the owning service's choice; the service registers the returned class
 * with its other migrations.
 *
 * The primary key is the port's identity of a point, so an upsert on it makes writes idempotent;
 * its column order (simulation, metric, component, time) is also the order every query filters
 * in, so reading a series is one index range and deleting a simulation one prefix.
 * `simulation_id` is text, not uuid, so the port accepts any id the InfluxDB adapter does.
 *
 * @example
 * ```ts
 * const migrations = [traceTablesMigration('telemetry'), metricPointsMigration('telemetry')];
 * ```
 */
export function metricPointsMigration(schema: string): new () => MigrationInterface {
  const s = quoteMetricSchema(schema);
  return class CreateMetricPoints1763910000000 implements MigrationInterface {
    name = 'CreateMetricPoints1763910000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(metricPointsTableSql(s));
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${s}.metric_points`);
    }
  };
}
