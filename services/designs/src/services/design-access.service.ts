import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { ApiException } from '@architech/service-kit';
import { ProjectMembershipRepository } from '../repositories/project-membership.repository';

/**
 * Who may do what with a project's designs: every member reads, editors and owners save. Anyone
 * else gets a 404, never a 403, so a stranger cannot tell whether the project or design exists.
 */
@Injectable()
export class DesignAccess {
  constructor(private readonly memberships: ProjectMembershipRepository) {}

  /** @throws ApiException 404 `<what> not found` unless the user is a member of the project (whose id the edge checked: UuidParam). */
  async requireReader(projectId: string, userId: string, what: 'project' | 'design', fresh = false): Promise<ProjectRole> {
    const role = await this.memberships.roleOf(projectId, userId, { fresh });
    if (!role) throw ApiException.notFound(what);
    return role;
  }

  /** @throws ApiException 404 for a non-member, 403 for a viewer (who already knows the project exists). */
  async requireEditor(projectId: string, userId: string): Promise<ProjectRole> {
    const role = await this.requireReader(projectId, userId, 'project', true);
    if (role === 'viewer') throw ApiException.forbidden(`a viewer may read the designs of project ${projectId} but not save them`);
    return role;
  }
}
