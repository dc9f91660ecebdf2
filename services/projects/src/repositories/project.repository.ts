import { Inject, Injectable } from '@nestjs/common';
import type { ProjectRole, ProviderScope } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { Repository } from 'typeorm';
import { ProjectEntity } from '../entities/project.entity';
import type { Queryable } from './queryable';

/** Projects in Postgres. */
@Injectable()
export class ProjectRepository {
  private readonly repo: Repository<ProjectEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly db: Queryable) {
    this.repo = db.getRepository(ProjectEntity);
  }

  /**
   * The projects `userId` is a member of, with that member's role, newest first; `inTrash`: the
   * deleted ones, last deleted first. One plain query (the list every page asks for: no query
   * builder work per call).
   */
  async listForMember(userId: string, inTrash = false): Promise<{ project: ProjectEntity; role: ProjectRole }[]> {
    const rows: (ProjectRow & { member_role: ProjectRole })[] = await this.db.query(inTrash ? LIST_TRASH_FOR_MEMBER : LIST_FOR_MEMBER, [userId]);
    return rows.map((row) => ({ project: this.toEntity(row), role: row.member_role }));
  }

  private toEntity(row: ProjectRow): ProjectEntity {
    return this.repo.create({
      id: row.id,
      name: row.name,
      description: row.description,
      provider: row.provider,
      priceOverrides: row.price_overrides,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by,
    });
  }

  findById(id: string): Promise<ProjectEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /**
   * Locks the project's row until the transaction ends (call it inside one); false when there is
   * no such project. Membership changes of a project serialize on this lock.
   */
  async lockForUpdate(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT id FROM projects.projects WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length > 0;
  }

  create(name: string, description: string | null, createdBy: string, provider: ProviderScope = 'any'): Promise<ProjectEntity> {
    return this.repo.save(this.repo.create({ name, description, createdBy, provider, priceOverrides: [] }));
  }

  /** Applies `changes` and moves `updated_at`. */
  async update(project: ProjectEntity, changes: Partial<Pick<ProjectEntity, 'name' | 'description' | 'provider' | 'priceOverrides'>>): Promise<ProjectEntity> {
    return this.repo.save(this.repo.merge(project, changes));
  }

  /** Moves the project to the trash, or back out of it (`at` null). */
  async setDeleted(id: string, at: Date | null, by: string | null): Promise<void> {
    await this.db.query(`UPDATE projects.projects SET deleted_at = $2, deleted_by = $3 WHERE id = $1`, [id, at, by]);
  }

  /**
   * Projects due for the purge, oldest first, at most `limit`: in the trash since before
   * `deletedBefore`, except `skip` (those a failed cascade leaves for the next sweep).
   */
  async duePurge(deletedBefore: Date, limit: number, skip: string[] = []): Promise<{ id: string; name: string }[]> {
    return this.db.query(
      `SELECT id, name FROM projects.projects WHERE deleted_at < $1 AND NOT (id = ANY($3::uuid[])) ORDER BY deleted_at, id LIMIT $2`,
      [deletedBefore, limit, skip],
    );
  }

  /** Deletes a project for good; its members and requirements go with it (ON DELETE CASCADE). */
  async deleteForGood(id: string): Promise<void> {
    await this.db.query(`DELETE FROM projects.projects WHERE id = $1`, [id]);
  }
}

/** A row of `projects.projects` as the driver returns it. */
interface ProjectRow {
  id: string;
  name: string;
  description: string | null;
  provider: ProviderScope;
  price_overrides: ProjectEntity['priceOverrides'];
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by: string | null;
}

const SELECT_FOR_MEMBER = `SELECT p.*, m.role AS member_role FROM projects.projects p
  JOIN projects.project_members m ON m.project_id = p.id AND m.user_id = $1`;
const LIST_FOR_MEMBER = `${SELECT_FOR_MEMBER} WHERE p.deleted_at IS NULL ORDER BY p.created_at DESC, p.id DESC`;
const LIST_TRASH_FOR_MEMBER = `${SELECT_FOR_MEMBER} WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC, p.id DESC`;
