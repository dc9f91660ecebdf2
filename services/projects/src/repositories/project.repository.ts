import { Inject, Injectable } from '@nestjs/common';
import type { ProjectRole, ProviderScope } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { Repository } from 'typeorm';
import { ProjectEntity } from '../entities/project.entity';
import { ProjectMemberEntity } from '../entities/project-member.entity';
import type { Queryable } from './queryable';

/** Projects in Postgres. */
@Injectable()
export class ProjectRepository {
  private readonly repo: Repository<ProjectEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly db: Queryable) {
    this.repo = db.getRepository(ProjectEntity);
  }

  /** The projects `userId` is a member of, with that member's role, newest first; `inTrash`: the deleted ones, last deleted first. */
  async listForMember(userId: string, inTrash = false): Promise<{ project: ProjectEntity; role: ProjectRole }[]> {
    const { entities, raw } = await this.repo
      .createQueryBuilder('p')
      .innerJoin(ProjectMemberEntity, 'm', 'm.projectId = p.id AND m.userId = :userId', { userId })
      .addSelect('m.role', 'member_role')
      .where(inTrash ? 'p.deletedAt IS NOT NULL' : 'p.deletedAt IS NULL')
      .orderBy(inTrash ? 'p.deletedAt' : 'p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .getRawAndEntities<{ member_role: ProjectRole }>();
    return entities.map((project, i) => ({ project, role: raw[i].member_role }));
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
