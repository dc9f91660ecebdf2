import { Injectable } from '@nestjs/common';
import { PeerDataRepository } from '../repositories/peer-data.repository';
import { ProjectRepository } from '../repositories/project.repository';

/**
 * Deletes one project for good with everything in it (docs/data-lifecycle.md): first its designs
 * (designs service), then its runs, check runs and their telemetry (simulations service, which has
 * telemetry delete the series, traces and logs), last its own row with members and requirements.
 * The project row goes only once both services have done their part, so a failed cascade leaves
 * the project to be purged again; each step is idempotent.
 */
@Injectable()
export class ProjectPurger {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly peers: PeerDataRepository,
  ) {}

  async purge(projectId: string): Promise<{ designs: number; simulations: number }> {
    const deleted = await this.peers.purgeProject(projectId);
    await this.projects.deleteForGood(projectId);
    return deleted;
  }
}
