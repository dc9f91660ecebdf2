import { Inject, Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { Queryable } from '../repositories/queryable';

/** One of a user's memberships, with what account deletion needs to know of its project. */
export interface Membership {
  projectId: string;
  name: string;
  description: string | null;
  role: ProjectRole;
  inTrash: boolean;
  owners: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** The other members: user id and role. */
  others: { userId: string; role: ProjectRole }[];
}

interface Row {
  project_id: string;
  name: string;
  description: string | null;
  role: ProjectRole;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  owners: number;
  others: { userId: string; role: ProjectRole }[];
}

/** A user's memberships and the user's traces in the projects schema (account deletion and export). */
@Injectable()
export class AccountDataRepository {
  constructor(@Inject(DATA_SOURCE) private readonly db: Queryable) {}

  /** Every project the user is a member of, in the trash or not, oldest first. */
  async memberships(userId: string): Promise<Membership[]> {
    const rows: Row[] = await this.db.query(
      `SELECT p.id AS project_id, p.name, p.description, m.role, p.deleted_at, p.created_at, p.updated_at,
              (SELECT count(*)::int FROM projects.project_members o WHERE o.project_id = p.id AND o.role = 'owner') AS owners,
              (SELECT coalesce(json_agg(json_build_object('userId', o.user_id, 'role', o.role) ORDER BY o.added_at, o.user_id), '[]'::json)
                 FROM projects.project_members o WHERE o.project_id = p.id AND o.user_id <> $1) AS others
         FROM projects.project_members m JOIN projects.projects p ON p.id = m.project_id
        WHERE m.user_id = $1 ORDER BY p.created_at, p.id`,
      [userId],
    );
    return rows.map((r) => ({
      projectId: r.project_id,
      name: r.name,
      description: r.description,
      role: r.role,
      inTrash: r.deleted_at !== null,
      owners: r.owners,
      createdAt: new Date(r.created_at),
      updatedAt: new Date(r.updated_at),
      deletedAt: r.deleted_at ? new Date(r.deleted_at) : null,
      others: r.others,
    }));
  }

  /**
   * Replaces the user's id by `anonymousId` in the audit trail (as actor, as the member an event is
   * about, and in its details) and as the creator or deleter of projects. Idempotent.
   */
  async anonymise(userId: string, anonymousId: string): Promise<void> {
    await this.db.query(`UPDATE projects.audit_events SET actor_id = $2 WHERE actor_id = $1`, [userId, anonymousId]);
    await this.db.query(`UPDATE projects.audit_events SET resource_id = $2 WHERE resource_id = $1`, [userId, anonymousId]);
    for (const key of ['userId', 'to']) {
      await this.db.query(`UPDATE projects.audit_events SET details = jsonb_set(details, ARRAY[$3::text], to_jsonb($2::text)) WHERE details->>$3 = $1`, [userId, anonymousId, key]);
    }
    await this.db.query(`UPDATE projects.projects SET created_by = $2 WHERE created_by = $1`, [userId, anonymousId]);
    await this.db.query(`UPDATE projects.projects SET deleted_by = $2 WHERE deleted_by = $1`, [userId, anonymousId]);
  }

  /** The projects-service audit entries the user made, oldest first. */
  async auditBy(userId: string): Promise<Record<string, unknown>[]> {
    const rows: { id: string; at: Date; actor_id: string; action: string; resource_type: string; resource_id: string; project_id: string | null; details: Record<string, unknown> }[] = await this.db.query(
      `SELECT * FROM projects.audit_events WHERE actor_id = $1 ORDER BY at, id`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actorId: r.actor_id, action: r.action, resourceType: r.resource_type, resourceId: r.resource_id, projectId: r.project_id, details: r.details }));
  }
}
