import type { AccountProjectDto, AuditEventDto } from '@architech/contracts';
import { ServiceClient } from '@architech/service-kit';
import type { EraseOutcome } from './account-deletion.repository';

/** The projects service as seen by the users service. */
export class ProjectsClient extends ServiceClient {}

/** One project of a data export, as the projects service assembles it (designs and runs from their services). */
export interface ExportedProject {
  project: Record<string, unknown> & { id: string };
  members: unknown[];
  requirements: unknown[];
  designs: { lineageId: string; versions: (Record<string, unknown> & { version: number })[] }[];
  runs: (Record<string, unknown> & { id: string })[];
  checkRuns: unknown[];
}

/** The user's projects and their erasure, over the projects service's internal routes. */
export class ProjectsPeerRepository {
  constructor(private readonly projects: ProjectsClient) {}

  async accountProjects(userId: string): Promise<AccountProjectDto[]> {
    return (await this.projects.get<{ projects: AccountProjectDto[] }>(`/internal/users/${userId}/projects`))?.projects ?? [];
  }

  /** Idempotent: transfers, deletes sole-owned projects, leaves the others, anonymises the user's entries everywhere. */
  erase(userId: string, anonymousId: string, transferTo: Record<string, string>): Promise<EraseOutcome> {
    return this.projects.post<EraseOutcome>(`/internal/users/${userId}/erase`, { anonymousId, transferTo });
  }

  async exportOf(userId: string): Promise<{ projects: ExportedProject[]; audit: AuditEventDto[] }> {
    return (await this.projects.get<{ projects: ExportedProject[]; audit: AuditEventDto[] }>(`/internal/users/${userId}/export`)) ?? { projects: [], audit: [] };
  }
}
