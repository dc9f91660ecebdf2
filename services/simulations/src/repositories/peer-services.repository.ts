import { Injectable } from '@nestjs/common';
import type { DesignVersionDto, PriceOverride, ProjectPricingDto, ProjectRole } from '@architech/contracts';
import { ProjectMemberships, ServiceClient } from '@architech/service-kit';

/** Clients of the two services this one depends on, told apart by injection token. */
export class ProjectsClient extends ServiceClient {}
export class DesignsClient extends ServiceClient {}


/** Memberships (projects service) and design versions (designs service), read over their internal APIs. */
@Injectable()
export class PeerServicesRepository {
  constructor(
    private readonly projects: ProjectsClient,
    private readonly designs: DesignsClient,
  ) {}

  roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    return new ProjectMemberships(this.projects).roleOf(projectId, userId);
  }

  /** The project's price overrides (none for a project that is gone). */
  async priceOverrides(projectId: string): Promise<PriceOverride[]> {
    return (await this.projects.get<ProjectPricingDto>(`/internal/projects/${encodeURIComponent(projectId)}/pricing`))?.priceOverrides ?? [];
  }

  designVersion(id: string): Promise<DesignVersionDto | undefined> {
    return this.designs.get<DesignVersionDto>(`/internal/designs/${encodeURIComponent(id)}`);
  }
}
