import type { AuditEventDto, AuditQuery } from '@architech/contracts';
import type { ServiceClient } from '@architech/service-kit';

/** The designs service's audit events of a project (its internal route). */
export class DesignAuditRepository {
  constructor(private readonly designs: ServiceClient) {}

  /** Newest first, at most `query.limit`, older than `query.before`; none when the designs service knows no such project. */
  async listForProject(projectId: string, query: AuditQuery): Promise<AuditEventDto[]> {
    const params = new URLSearchParams({ limit: String(query.limit) });
    if (query.before !== undefined) params.set('before', query.before);
    const page = await this.designs.get<{ events: AuditEventDto[] }>(`/internal/projects/${encodeURIComponent(projectId)}/audit?${params}`);
    return page?.events ?? [];
  }
}

/** The simulations service's audit events of a project (share links; the same internal route). */
export class SimulationAuditRepository extends DesignAuditRepository {}
