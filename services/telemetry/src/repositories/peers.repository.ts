import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { ApiException, ProjectMemberships, ServiceClient } from '@architech/service-kit';
import { z } from 'zod';

export class SimulationsClient extends ServiceClient {}
export class ProjectsClient extends ServiceClient {}

const ownerSchema = z.object({ projectId: z.string() });
const dueSchema = z.object({ simulationIds: z.array(z.string()) });

/** Which project a simulation belongs to (simulations service) and the caller's role there (projects service). */
@Injectable()
export class PeersRepository {
  constructor(
    private readonly simulations: SimulationsClient,
    private readonly projects: ProjectsClient,
  ) {}

  async projectOf(simulationId: string): Promise<string | undefined> {
    const answer = await this.simulations.get<unknown>(`/internal/simulations/${encodeURIComponent(simulationId)}`);
    if (answer === undefined) return undefined;
    const parsed = ownerSchema.safeParse(answer);
    if (!parsed.success) throw new ApiException(502, 'dependency_failed', 'simulations service answered without a project');
    return parsed.data.projectId;
  }

  /** Finished runs whose telemetry is still kept and that finished before `finishedBefore`, oldest first (at most `limit`). */
  async telemetryDue(finishedBefore: Date, limit: number): Promise<string[]> {
    const query = new URLSearchParams({ finishedBefore: finishedBefore.toISOString(), telemetryExpired: 'false', limit: String(limit) });
    const parsed = dueSchema.safeParse(await this.simulations.get<unknown>(`/internal/simulations?${query}`));
    if (!parsed.success) throw new ApiException(502, 'dependency_failed', 'simulations service answered the retention query without simulation ids');
    return parsed.data.simulationIds;
  }

  roleOf(projectId: string, userId: string): Promise<ProjectRole | undefined> {
    return new ProjectMemberships(this.projects).roleOf(projectId, userId);
  }
}
