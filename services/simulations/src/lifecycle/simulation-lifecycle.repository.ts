import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository, DATA_SOURCE, type AuditEventEntity } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE } from '../share-links/audit-table';

/** TypeORM answers an UPDATE/DELETE … RETURNING on Postgres with `[rows, count]`. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]));

/** Where this service keeps a user's id, table and column (account deletion). */
const USER_COLUMNS: readonly (readonly [string, string])[] = [
  ['simulations', 'user_id'],
  ['analyses', 'user_id'],
  ['check_runs', 'user_id'],
  ['deliverables', 'user_id'],
  ['share_links', 'created_by'],
];

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

  /**
   * Replaces a deleted user's id by `anonymousId` wherever this service recorded it: the runs,
   * analyses and check runs the user started, the reports they asked for, the share links they
   * made and the audit entries they are the actor of. Idempotent.
   */
  async anonymiseUser(userId: string, anonymousId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      for (const [table, column] of USER_COLUMNS) await m.query(`UPDATE simulations.${table} SET ${column} = $2 WHERE ${column} = $1`, [userId, anonymousId]);
      await new AuditRepository(m, AUDIT_TABLE).anonymiseActor(userId, anonymousId);
    });
  }

  /** The audit entries `userId` made here (share links made and revoked), oldest first. */
  auditBy(userId: string): Promise<AuditEventEntity[]> {
    return new AuditRepository(this.db, AUDIT_TABLE).listByActor(userId);
  }

  /**
   * The project's runs with their summaries (data export), oldest first, each with its reports
   * (what they are, not their content) and its share links (never a token or its hash).
   */
  async runsOf(projectId: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT s.id, s.design_id AS "designId", s.status, s.configuration, s.error, s.created_at AS "createdAt", s.started_at AS "startedAt", s.finished_at AS "finishedAt",
              s.telemetry_expired_at AS "telemetryExpiredAt", r.summary, r.ci95, r.faults, r.replications, r.events, r.cost,
              (SELECT coalesce(json_agg(json_build_object('id', d.id, 'type', d.type, 'status', d.status, 'fileName', d.file_name, 'sizeBytes', d.size_bytes,
                        'createdAt', d.created_at, 'expiresAt', d.expires_at, 'downloadCount', d.download_count) ORDER BY d.created_at, d.id), '[]'::json)
                 FROM simulations.deliverables d WHERE d.simulation_id = s.id) AS reports,
              (SELECT coalesce(json_agg(json_build_object('id', l.id, 'createdBy', l.created_by, 'createdAt', l.created_at, 'expiresAt', l.expires_at,
                        'revokedAt', l.revoked_at, 'accessCount', l.access_count, 'lastAccessAt', l.last_access_at) ORDER BY l.created_at, l.id), '[]'::json)
                 FROM simulations.share_links l WHERE l.simulation_id = s.id) AS "shareLinks"
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
