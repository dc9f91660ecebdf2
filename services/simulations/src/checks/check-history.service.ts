import { Injectable } from '@nestjs/common';
import { componentsCovered, type CheckHistoryDto, type RequirementDto } from '@architech/contracts';
import type { AuthUser } from '@architech/service-kit';
import { coverage, requirementHistory } from '@architech/sim-engine';
import { PeerServicesRepository, ProjectsClient } from '../repositories/peer-services.repository';
import { SimulationAccess } from '../services/simulation-access';
import { CheckRunRepository } from './check-run.repository';


/** Per requirement: verdict per check run, pass rate, failure streak, regressed, flaky; per version: its latest verdict; coverage. */
@Injectable()
export class CheckHistoryService {
  constructor(
    private readonly checks: CheckRunRepository,
    private readonly peers: PeerServicesRepository,
    private readonly projects: ProjectsClient,
    private readonly access: SimulationAccess,
  ) {}

  /** The last `window` check runs of the project (the query was read at the edge). */
  async history(projectId: string, window: number, user: AuthUser): Promise<CheckHistoryDto> {
    await this.access.requireReader(projectId, user.id, 'project');
    const requirements = (await this.projects.get<{ requirements: RequirementDto[] }>(`/internal/projects/${encodeURIComponent(projectId)}/requirements`))?.requirements ?? [];
    const points = await this.checks.points(projectId, window);
    const ids = [...new Set([...requirements.map((r) => r.id), ...points.map((p) => p.requirementId)])].sort();
    const byRun = new Map<string, { designId: string; verdicts: string[] }>();
    for (const p of points) {
      const run = byRun.get(p.checkRunId) ?? { designId: p.designId, verdicts: [] };
      run.verdicts.push(p.verdict);
      byRun.set(p.checkRunId, run);
    }
    // Latest check run per version: passed when all passed, failed when any failed.
    const versions = new Map<string, CheckHistoryDto['versions'][number]>();
    for (const [checkRunId, run] of byRun) {
      const verdict = run.verdicts.includes('failed') ? 'failed' : run.verdicts.every((v) => v === 'passed') ? 'passed' : 'inconclusive';
      versions.set(run.designId, { designId: run.designId, verdict, checkRunId });
    }
    const latestDesign = points.at(-1)?.designId ?? null;
    const design = latestDesign ? await this.peers.designVersion(latestDesign) : undefined;
    const covered = coverage(design?.components.map((c) => c.id) ?? [], requirements.map((r) => ({ id: r.id, components: componentsCovered(r) })));
    return {
      window,
      requirements: ids.map((id) => {
        const own = points.filter((p) => p.requirementId === id).map(({ requirementId: _r, ...p }) => p);
        const h = requirementHistory(id, own, window);
        return { ...h, points: own, statement: requirements.find((r) => r.id === id)?.statement ?? '(deleted requirement)' };
      }),
      versions: [...versions.values()],
      coverage: { designId: design ? latestDesign : null, ...covered },
    };
  }
}
