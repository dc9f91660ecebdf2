import { Injectable } from '@nestjs/common';
import { projectRoleSchema, type DesignVersionDto, type ProjectRole } from '@architech/contracts';
import { ApiException, ServiceClient } from '@architech/service-kit';
import { z } from 'zod';

/** Clients of the two services this one depends on, told apart by injection token. */
export class ProjectsClient extends ServiceClient {}
export class DesignsClient extends ServiceClient {}

const membershipSchema = z.object({ role: projectRoleSchema });

/** Memberships (projects service) and design versions (designs service), read over their internal APIs. */
@Injectable()
export class PeerServicesRepository {
  constructor(
    private readonly projects: ProjectsClient,
    private readonly designs: DesignsClient,
  ) {}

  async roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    const answer = await this.projects.get<unknown>(`/internal/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`);
    if (answer === undefined) return undefined;
    const parsed = membershipSchema.safeParse(answer);
    if (!parsed.success) throw new ApiException(502, 'dependency_failed', 'projects service answered a membership without a valid role');
    return parsed.data.role;
  }

  designVersion(id: string): Promise<DesignVersionDto | undefined> {
    return this.designs.get<DesignVersionDto>(`/internal/designs/${encodeURIComponent(id)}`);
  }
}
