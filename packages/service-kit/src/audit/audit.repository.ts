import type { Provider } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DATA_SOURCE } from '../health/health.controller';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditTable } from './audit-table';

/** One audited write: what was done to which resource (of which project, where the table has one), by whom. */
export interface AuditRecord {
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  /** Required by a table whose project is `required`; ignored by one without a project column. */
  projectId?: string | null;
  details?: Record<string, unknown>;
}

/** A page of a project's events: newest first, at most `limit`, strictly older than `before` when given. */
export interface AuditPage {
  limit: number;
  before?: string | Date;
}

/** What the repository runs its queries on: the data source, or one transaction's entity manager. */
export type AuditQueryable = Pick<EntityManager, 'getRepository' | 'query'>;

/**
 * A service's audit trail (its `audit_events` table, {@link auditEventsTableSql}). Built on the
 * data source, or on a transaction's manager so an event commits with the change it records.
 *
 * @example await new AuditRepository(manager, { schema: 'projects', project: 'nullable' }).record({ actorId, action: 'project.created', resourceType: 'project', resourceId: id, projectId: id });
 */
export class AuditRepository {
  constructor(
    private readonly db: AuditQueryable,
    readonly table: AuditTable,
  ) {}

  async record(event: AuditRecord): Promise<void> {
    const columns = ['actor_id', 'action', 'resource_type', 'resource_id'];
    const values: unknown[] = [event.actorId, event.action, event.resourceType, event.resourceId];
    if (this.table.project !== 'none') {
      columns.push('project_id');
      values.push(event.projectId ?? null);
    }
    columns.push('details');
    values.push(JSON.stringify(event.details ?? {}));
    await this.db.query(`INSERT INTO ${this.table.schema}.audit_events (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
  }

  /**
   * A project's events, newest first. `before` is compared at millisecond precision, the
   * precision of the `at` the API shows, so a page boundary never skips an event.
   */
  listForProject(projectId: string, page: AuditPage): Promise<AuditEventEntity[]> {
    const builder = this.db.getRepository(AuditEventEntity).createQueryBuilder('e').where('e.projectId = :projectId', { projectId });
    if (page.before !== undefined) builder.andWhere(`date_trunc('milliseconds', e.at) < :before`, { before: page.before });
    return builder.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(page.limit).getMany();
  }

  /** The events `actorId` made, oldest first (a user's data export). */
  listByActor(actorId: string): Promise<AuditEventEntity[]> {
    return this.db.getRepository(AuditEventEntity).find({ where: { actorId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Account deletion: the events a deleted user made keep the action under `anonymousId`. Idempotent. */
  async anonymiseActor(actorId: string, anonymousId: string): Promise<void> {
    await this.db.query(`UPDATE ${this.table.schema}.audit_events SET actor_id = $2 WHERE actor_id = $1`, [actorId, anonymousId]);
  }

  /** The Nest provider of a service's repository, on its data source. */
  static provider(table: AuditTable): Provider {
    return { provide: AuditRepository, useFactory: (db: AuditQueryable) => new AuditRepository(db, table), inject: [DATA_SOURCE] };
  }
}
