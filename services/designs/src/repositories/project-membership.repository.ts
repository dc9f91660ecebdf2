import { Injectable } from '@nestjs/common';
import { projectRoleSchema, type ProjectRole } from '@architech/contracts';
import { ApiException, ServiceClient } from '@architech/service-kit';
import { z } from 'zod';

const membershipSchema = z.object({ role: projectRoleSchema });

/** Project memberships, owned by the projects service and read over its internal HTTP API. */
@Injectable()
export class ProjectMembershipRepository {
  constructor(private readonly projects: ServiceClient) {}

  /** The user's role in the project; undefined when the project does not exist or the user is not a member. */
  async roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    const answer = await this.projects.get<unknown>(`/internal/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`);
    if (answer === undefined) return undefined;
    const membership = membershipSchema.safeParse(answer);
    if (!membership.success) {
      throw new ApiException(502, 'dependency_failed', `projects service answered a membership of project ${projectId} without a valid role`);
    }
    return membership.data.role;
  }
}
