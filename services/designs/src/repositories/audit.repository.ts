import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@architech/service-kit';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from '@architech/service-kit';

/** One audited write to a project's designs. */
export interface AuditEntry {
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string;
  projectId: string;
  details?: Record<string, unknown>;
}

/** The designs service's audit trail; the projects service merges it into a project's log. */
@Injectable()
export class AuditRepository {
  private readonly repo: Repository<AuditEventEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(AuditEventEntity);
  }

  /** Appends an event; pass the transaction's manager so the event commits with the change it records. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO designs.audit_events (actor_id, action, resource_type, resource_id, project_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.actorId, entry.action, entry.resourceType, entry.resourceId, entry.projectId, JSON.stringify(entry.details ?? {})],
    );
  }

  /** A project's events, newest first; only those strictly older than `before` when given. */
  listForProject(projectId: string, limit: number, before?: Date): Promise<AuditEventEntity[]> {
    const query = this.repo
      .createQueryBuilder('e')
      .where('e.projectId = :projectId', { projectId })
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit);
    if (before) query.andWhere('e.at < :before', { before });
    return query.getMany();
  }
}
