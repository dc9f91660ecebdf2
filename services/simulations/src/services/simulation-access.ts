import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { ApiException } from '@architech/service-kit';
import { PeerServicesRepository } from '../repositories/peer-services.repository';

/** Members of a design's project read its simulations; editors and owners launch and cancel them; others get 404. */
@Injectable()
export class SimulationAccess {
  constructor(private readonly peers: PeerServicesRepository) {}

  async requireReader(projectId: string, userId: string, what: string): Promise<ProjectRole> {
    const role = await this.peers.roleOf(projectId, userId);
    if (!role) throw ApiException.notFound(what);
    return role;
  }

  async requireEditor(projectId: string, userId: string, what: string, viewerMessage = 'a viewer may read simulations but not launch or cancel them'): Promise<ProjectRole> {
    const role = await this.requireReader(projectId, userId, what);
    if (role === 'viewer') throw ApiException.forbidden(viewerMessage);
    return role;
  }
}
