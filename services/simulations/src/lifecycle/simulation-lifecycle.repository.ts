import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';

/** TypeORM answers an UPDATE/DELETE … RETURNING on Postgres with `[rows, count]`. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]));

/** Rows one purge statement deletes: bounded statements, so other work gets its turn on PGlite. */
export const PURGE_BATCH = 500;

/** Runs, analyses and check runs at the end of their life (docs/data-lifecycle.md): a purged project's, a deleted user's, an export's. */
@Injectable()
export class SimulationLifecycleRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** The ids of every run of the project (check replications included). */
  async simulationIds(projectId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM simulations.simulations WHERE project_id = $1 ORDER BY created_at, id`, [projectId]);
    return rows.map((r) => r.id);
  }

  /** Stops the project's runs: PENDING ones are cancelled at once, RUNNING ones asked to stop; resolves with how many still run. */
  async stopActive(projectId: string): Promise<number> {
    await this.db.query(`UPDATE simulations.simulations SET status = 'CANCELLED', finished_at = now(), cancel_requested = true WHERE project_id = $1 AND status = 'PENDING'`, [projectId]);
    const running = rowsOf<{ id: string }>(await this.db.query(`UPDATE simulations.simulations SET cancel_requested = true WHERE project_id = $1 AND status = 'RUNNING' RETURNING id`, [projectId]));
    return running.length;
  }

  /** Deletes the project's analyses, check runs (evidence and replications cascade) and runs (results cascade); resolves with the runs deleted. */
  async purgeProject(projectId: string): Promise<number> {
    await this.deleteInBatches('simulations.analyses', projectId);
    await this.deleteInBatches('simulations.check_runs', projectId);
    return this.deleteInBatches('simulations.simulations', projectId);
  }

  /** Replaces a deleted user's id by `anonymousId` on the runs, analyses and check runs the user started. Idempotent. */
  async anonymiseUser(userId: string, anonymousId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      for (const table of ['simulations', 'analyses', 'check_runs']) await m.query(`UPDATE simulations.${table} SET user_id = $2 WHERE user_id = $1`, [userId, anonymousId]);
    });
  }

  /** The project's runs with their summaries (data export), oldest first. */
  async runsOf(projectId: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT s.id, s.design_id AS "designId", s.status, s.configuration, s.error, s.created_at AS "createdAt", s.started_at AS "startedAt", s.finished_at AS "finishedAt",
              s.telemetry_expired_at AS "telemetryExpiredAt", r.summary, r.ci95, r.faults, r.replications, r.events
         FROM simulations.simulations s LEFT JOIN simulations.simulation_results r ON r.simulation_id = s.id
        WHERE s.project_id = $1 ORDER BY s.created_at, s.id`,
      [projectId],
    );
    return rows;
  }

  /** The project's check runs with their evidence (data export), oldest first. */
  async checkRunsOf(projectId: string): Promise<Record<string, unknown>[]> {
    return this.db.query(
      `SELECT c.id, c.design_id AS "designId", c.design_version AS "designVersion", c.status, c.verdict, c.error, c.created_at AS "createdAt", c.finished_at AS "finishedAt",
              (SELECT coalesce(json_agg(json_build_object('requirementId', e.requirement_id, 'verdict', e.verdict, 'flaky', e.flaky, 'record', e.record) ORDER BY e.requirement_id), '[]'::json)
                 FROM simulations.check_evidence e WHERE e.check_run_id = c.id) AS evidence
         FROM simulations.check_runs c WHERE c.project_id = $1 ORDER BY c.created_at, c.id`,
      [projectId],
    );
  }

  private async deleteInBatches(table: string, projectId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = rowsOf<{ id: string }>(await this.db.query(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE project_id = $1 LIMIT $2) RETURNING id`, [projectId, PURGE_BATCH]));
      deleted += rows.length;
      if (rows.length < PURGE_BATCH) return deleted;
    }
  }
}
