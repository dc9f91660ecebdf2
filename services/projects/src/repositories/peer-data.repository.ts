import type { AuditEventDto } from '@architech/contracts';
import { ServiceClient } from '@architech/service-kit';

/** The designs and simulations services, told apart by injection token. */
export class DesignsPeerClient extends ServiceClient {}
export class SimulationsPeerClient extends ServiceClient {}

/** A design's versions as the data export writes them. */
export interface ExportedDesign {
  lineageId: string;
  versions: (Record<string, unknown> & { version: number })[];
}

/**
 * What the designs and simulations services keep of a project or a user, over their internal
 * routes: deleting a purged project's part (idempotent), anonymising a deleted user, exporting.
 */
export class PeerDataRepository {
  constructor(
    private readonly designs: DesignsPeerClient,
    private readonly simulations: SimulationsPeerClient,
  ) {}

  /** Deletes the project's designs, then its runs, check runs and their telemetry; resolves with what each deleted. */
  async purgeProject(projectId: string): Promise<{ designs: number; simulations: number }> {
    const designs = await this.designs.post<{ deleted: number }>(`/internal/projects/${projectId}/purge`, {});
    const simulations = await this.simulations.post<{ deleted: number }>(`/internal/projects/${projectId}/purge`, {});
    return { designs: designs.deleted, simulations: simulations.deleted };
  }

  /** Replaces the user's id by `anonymousId` wherever designs and simulations recorded it. */
  async anonymiseUser(userId: string, anonymousId: string): Promise<void> {
    await this.designs.post(`/internal/users/${userId}/anonymise`, { anonymousId });
    await this.simulations.post(`/internal/users/${userId}/anonymise`, { anonymousId });
  }

  async designsOf(projectId: string): Promise<ExportedDesign[]> {
    return (await this.designs.get<{ designs: ExportedDesign[] }>(`/internal/projects/${projectId}/export`))?.designs ?? [];
  }

  async runsOf(projectId: string): Promise<{ runs: (Record<string, unknown> & { id: string })[]; checkRuns: unknown[] }> {
    return (await this.simulations.get<{ runs: (Record<string, unknown> & { id: string })[]; checkRuns: unknown[] }>(`/internal/projects/${projectId}/export`)) ?? { runs: [], checkRuns: [] };
  }

  /** The audit entries the user made in designs and in simulations (share links). */
  async auditBy(userId: string): Promise<AuditEventDto[]> {
    const designs = (await this.designs.get<{ events: AuditEventDto[] }>(`/internal/users/${userId}/audit`))?.events ?? [];
    const simulations = (await this.simulations.get<{ events: AuditEventDto[] }>(`/internal/users/${userId}/audit`))?.events ?? [];
    return [...designs, ...simulations];
  }
}
