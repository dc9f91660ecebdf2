import type { AuditEventDto, AuditQuery } from '@architech/contracts';
import type { ServiceClient } from '@architech/service-kit';

/** Another service's audit events of a project, from its internal route `/internal/projects/:id/audit`. */
class PeerAuditRepository {
  /** Without a client (the service is not part of this topology) there are none. */
  constructor(private readonly peer: ServiceClient | undefined) {}

  /** Newest first, at most `query.limit`, older than `query.before`; none when the service knows no such project. */
  async listForProject(projectId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    if (!this.peer) return [];
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.before !== undefined) params.set('before', query.before);
    const page = await this.peer.get<{ events: AuditEventDto[] }>(`/internal/projects/${encodeURIComponent(projectId)}/audit?${params}`);
    return page?.events ?? [];
  }
}

/** The designs service's audit events of a project. */
export class DesignAuditRepository extends PeerAuditRepository {}

/** The simulations service's audit events of a project (share links, docs/sharing.md). */
export class SimulationAuditRepository extends PeerAuditRepository {}
