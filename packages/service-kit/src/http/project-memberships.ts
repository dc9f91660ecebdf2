import { projectRoleSchema, type ProjectRole } from '@architech/contracts';
import { z } from 'zod';
import { ApiException } from '../errors/api-exception';
import type { ServiceClient } from './service-client';

const membershipSchema = z.object({ role: projectRoleSchema });

/**
 * A user's role in a project, asked of the projects service's internal API — the one rule every
 * service that guards project data (designs, simulations, telemetry) applies.
 */
export class ProjectMemberships {
  constructor(private readonly projects: ServiceClient) {}

  /** The role; undefined when the project does not exist or the user is not a member. */
  async roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    const answer = await this.projects.get<unknown>(`/internal/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`);
    if (answer === undefined) return undefined;
    const parsed = membershipSchema.safeParse(answer);
    if (!parsed.success) throw new ApiException(502, 'dependency_failed', `projects service answered a membership of project ${projectId} without a valid role`);
    return parsed.data.role;
  }
}
