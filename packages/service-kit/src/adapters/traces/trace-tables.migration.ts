import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteSchema } from './sql-schema';

/**
 * The migration that creates the Postgres trace store's tables (`traces`, `spans`, `logs`) in a
 * service's own schema (which the service creates, as it holds its migrations table). A factory, not a class, because the schema is the owning service's choice;
 * the service registers the returned class with its other migrations.
 *
 * Every key starts with `simulation_id`, so one simulation's rows sit together in each index and
 * deleting a simulation is a range delete. `logs.search` is generated from the message with the
 * `simple` configuration (no stemming, no stop words): simulated log messages are identifiers and
 * short phrases, where an English stemmer would only blur matches.
 *
 * @example
 * ```ts
 * const migrations = [CreateMetricTables, traceTablesMigration('telemetry')];
 * ```
 */
export function traceTablesMigration(schema: string): new () => MigrationInterface {
  const s = quoteSchema(schema);
  return class CreateTraceTables1763900000000 implements MigrationInterface {
    name = 'CreateTraceTables1763900000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${s}.traces (
        simulation_id text NOT NULL,
        trace_id text NOT NULL,
        root_component_id text NOT NULL,
        start_ms double precision NOT NULL,
        duration_ms double precision NOT NULL,
        status text NOT NULL,
        reason text NOT NULL,
        linked_trace_id text NULL,
        span_count integer NOT NULL,
        components text[] NOT NULL,
        PRIMARY KEY (simulation_id, trace_id)
      )`);
      await q.query(`CREATE INDEX traces_simulation_start_idx ON ${s}.traces (simulation_id, start_ms, trace_id)`);
      await q.query(`CREATE TABLE ${s}.spans (
        simulation_id text NOT NULL,
        trace_id text NOT NULL,
        span_id text NOT NULL,
        parent_span_id text NULL,
        name text NOT NULL,
        kind text NOT NULL,
        component_id text NOT NULL,
        component_type text NOT NULL,
        start_ms double precision NOT NULL,
        end_ms double precision NOT NULL,
        duration_ms double precision NOT NULL,
        status_code text NOT NULL,
        status_message text NULL,
        attributes jsonb NOT NULL,
        PRIMARY KEY (simulation_id, span_id)
      )`);
      await q.query(`CREATE INDEX spans_simulation_trace_idx ON ${s}.spans (simulation_id, trace_id, start_ms)`);
      await q.query(`CREATE TABLE ${s}.logs (
        simulation_id text NOT NULL,
        id text NOT NULL,
        time_ms double precision NOT NULL,
        level text NOT NULL,
        event text NOT NULL,
        component_id text NULL,
        message text NOT NULL,
        attributes jsonb NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', message)) STORED,
        PRIMARY KEY (simulation_id, id)
      )`);
      await q.query(`CREATE INDEX logs_simulation_time_idx ON ${s}.logs (simulation_id, time_ms, id)`);
      await q.query(`CREATE INDEX logs_search_idx ON ${s}.logs USING gin (search)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${s}.logs`);
      await q.query(`DROP TABLE ${s}.spans`);
      await q.query(`DROP TABLE ${s}.traces`);
    }
  };
}
