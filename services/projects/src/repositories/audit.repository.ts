import { Inject, Injectable } from '@nestjs/common';
import type { AuditQuery } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { Repository } from 'typeorm';
import { AuditEventEntity } from '@architech/service-kit';
import type { Queryable } from './queryable';

/** One write to record: what was done to which resource of which project, by whom. */
export interface AuditRecord {
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  projectId: string;
  details: Record<string, unknown>;
}

/** The projects service's audit trail. */
@Injectable()
export class AuditRepository {
  private readonly repo: Repository<AuditEventEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly db: Queryable) {
    this.repo = db.getRepository(AuditEventEntity);
  }

  async record(event: AuditRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO projects.audit_events (actor_id, action, resource_type, resource_id, project_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.actorId, event.action, event.resourceType, event.resourceId, event.projectId, JSON.stringify(event.details)],
    );
  }

  /**
   * A project's events, newest first. `before` is compared at millisecond precision, the
   * precision of the `at` the API shows, so a page boundary never skips an event.
   */
  listForProject(projectId: string, query: AuditQuery): Promise<AuditEventEntity[]> {
    const builder = this.repo.createQueryBuilder('e').where('e.projectId = :projectId', { projectId });
    if (query.before !== undefined) builder.andWhere(`date_trunc('milliseconds', e.at) < :before`, { before: query.before });
    return builder.orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(query.limit).getMany();
  }
}
