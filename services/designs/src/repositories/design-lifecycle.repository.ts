import { Inject, Injectable } from '@nestjs/common';
import { AuditEventEntity, DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { DesignEntity } from '../entities/design.entity';

/** TypeORM answers a DELETE … RETURNING on Postgres with `[rows, count]`. */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]));

/** Versions one purge statement deletes (with their components and connections): bounded statements. */
export const PURGE_BATCH = 200;

/** Designs at the end of their life (docs/data-lifecycle.md): a purged project's, a deleted user's, an export's. */
@Injectable()
export class DesignLifecycleRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  /** Deletes every version of the project's designs (components and connections cascade); resolves with how many. */
  async purgeProject(projectId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = rowsOf<{ id: string }>(
        await this.db.query(`DELETE FROM designs.designs WHERE id IN (SELECT id FROM designs.designs WHERE project_id = $1 LIMIT $2) RETURNING id`, [projectId, PURGE_BATCH]),
      );
      deleted += rows.length;
      if (rows.length < PURGE_BATCH) return deleted;
    }
  }

  /** Replaces a deleted user's id by `anonymousId` as audit actor and as the author of versions. Idempotent. */
  async anonymiseUser(userId: string, anonymousId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE designs.audit_events SET actor_id = $2 WHERE actor_id = $1`, [userId, anonymousId]);
      await m.query(`UPDATE designs.designs SET created_by = $2 WHERE created_by = $1`, [userId, anonymousId]);
    });
  }

  /** Every version of the project's designs, by design (lineage) and version. */
  versionsOfProject(projectId: string): Promise<DesignEntity[]> {
    return this.db.getRepository(DesignEntity).find({ where: { projectId }, order: { lineageId: 'ASC', version: 'ASC' } });
  }

  /** The audit entries `userId` made, oldest first. */
  auditBy(userId: string): Promise<AuditEventEntity[]> {
    return this.db.getRepository(AuditEventEntity).find({ where: { actorId: userId }, order: { at: 'ASC', id: 'ASC' } });
  }
}
