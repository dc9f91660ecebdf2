import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { ApiException } from '@architech/service-kit';
import { MemberRepository } from '../repositories/member.repository';
import type { ProjectsTransaction } from '../repositories/transaction-runner';
import { roleAtLeast } from './project-roles';

/** The one place that decides who may do what in a project. */
@Injectable()
export class ProjectAccess {
  constructor(private readonly members: MemberRepository) {}

  /**
   * The user's role in the project, when it is at least `minimum`. A non-member gets 404, the
   * same as for a project that does not exist (or a malformed id), so existence never leaks; a
   * member whose role is too low gets 403.
   *
   * Given a transaction, it first locks the project: membership changes of a project serialize on
   * that lock, so the role read here (and an owner count read after it) hold until commit.
   */
  async requireRole(projectId: string, userId: string, minimum: ProjectRole, tx?: ProjectsTransaction): Promise<ProjectRole> {
    if (tx && !(await tx.projects.lockForUpdate(projectId))) throw ApiException.notFound('project');
    const role = await (tx?.members ?? this.members).roleOf(projectId, userId);
    if (!role) throw ApiException.notFound('project');
    if (!roleAtLeast(role, minimum)) throw ApiException.forbidden(`this needs the ${minimum} role in the project; yours is ${role}`);
    return role;
  }

  /** Like {@link requireRole}, for a project in the trash (restoring it); 404 when it is not there. */
  async requireRoleInTrash(projectId: string, userId: string, minimum: ProjectRole, tx: ProjectsTransaction): Promise<ProjectRole> {
    if (!(await tx.projects.lockForUpdate(projectId))) throw ApiException.notFound('deleted project');
    const role = await tx.members.roleOf(projectId, userId, true);
    if (!role) throw ApiException.notFound('deleted project');
    if (!roleAtLeast(role, minimum)) throw ApiException.forbidden(`this needs the ${minimum} role in the project; yours is ${role}`);
    return role;
  }

  /** A user's role in a project, for other services that authorize with it; 404 for a non-member. */
  async memberRole(projectId: string, userId: string): Promise<{ role: ProjectRole }> {
    const role = await this.members.roleOf(projectId, userId);
    if (!role) throw ApiException.notFound('member');
    return { role };
  }
}
