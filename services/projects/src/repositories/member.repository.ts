import { Inject, Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { DATA_SOURCE } from '@architech/service-kit';
import type { Repository } from 'typeorm';
import { ProjectMemberEntity } from '../entities/project-member.entity';
import type { Queryable } from './queryable';

/** Project memberships in Postgres. */
@Injectable()
export class MemberRepository {
  private readonly repo: Repository<ProjectMemberEntity>;

  constructor(@Inject(DATA_SOURCE) private readonly db: Queryable) {
    this.repo = db.getRepository(ProjectMemberEntity);
  }

  /**
   * The user's role in the project; undefined for a non-member, and for a project in the trash
   * (so it, its designs and its runs answer 404 everywhere) unless `inTrash` asks for that one.
   */
  async roleOf(projectId: string, userId: string, inTrash = false): Promise<ProjectRole | undefined> {
    const rows: { role: ProjectRole }[] = await this.db.query(
      `SELECT m.role FROM projects.project_members m JOIN projects.projects p ON p.id = m.project_id
       WHERE m.project_id = $1 AND m.user_id = $2 AND (p.deleted_at IS NOT NULL) = $3`,
      [projectId, userId, inTrash],
    );
    return rows[0]?.role;
  }

  find(projectId: string, userId: string): Promise<ProjectMemberEntity | null> {
    return this.repo.findOneBy({ projectId, userId });
  }

  /** Members in the order they joined. */
  listByProject(projectId: string): Promise<ProjectMemberEntity[]> {
    return this.repo.find({ where: { projectId }, order: { addedAt: 'ASC', userId: 'ASC' } });
  }

  /**
   * Adds a member; undefined when the user already is one. A conflict does not raise, so the
   * surrounding transaction stays usable.
   */
  async add(projectId: string, userId: string, role: ProjectRole): Promise<ProjectMemberEntity | undefined> {
    const rows: { added_at: Date }[] = await this.db.query(
      `INSERT INTO projects.project_members (project_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (project_id, user_id) DO NOTHING RETURNING added_at`,
      [projectId, userId, role],
    );
    if (rows.length === 0) return undefined;
    return this.repo.create({ projectId, userId, role, addedAt: new Date(rows[0].added_at) });
  }

  async setRole(member: ProjectMemberEntity, role: ProjectRole): Promise<ProjectMemberEntity> {
    await this.repo.update({ projectId: member.projectId, userId: member.userId }, { role });
    return this.repo.create({ ...member, role });
  }

  async remove(projectId: string, userId: string): Promise<void> {
    await this.repo.delete({ projectId, userId });
  }

  countOwners(projectId: string): Promise<number> {
    return this.repo.countBy({ projectId, role: 'owner' });
  }
}
