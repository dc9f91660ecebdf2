import type { Pool } from 'pg';

/** Rows one statement of {@link deleteSimulationRows} deletes at most, unless told otherwise. */
export const DELETE_BATCH_ROWS = 5000;

/**
 * Deletes the rows of `table` (schema-qualified, quoted) whose `simulation_id` is one of `ids`, at
 * most `batchRows` per statement, each statement on its own and committed by itself. Between two
 * statements the pool's other users get their turn: on the embedded PGlite, one session for every
 * service, a run's million points never hold ingestion or queries for the whole delete. Repeating
 * it after an interruption deletes the rest.
 */
export async function deleteSimulationRows(pool: Pool, table: string, ids: readonly string[], batchRows = DELETE_BATCH_ROWS): Promise<number> {
  if (ids.length === 0) return 0;
  let deleted = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE simulation_id = ANY($1::text[]) LIMIT $2))`,
      [[...ids], batchRows],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < batchRows) return deleted;
  }
}
