import { Injectable } from '@nestjs/common';
import type { DeliverableType } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import { renderCheckReportHtml, renderRunReportHtml } from '@architech/sim-engine';
import { CheckRunRepository } from '../checks/check-run.repository';
import { designHash } from '../checks/design-hash';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationRepository } from '../repositories/simulation.repository';
import { SimulationAccess } from '../services/simulation-access';
import type { DeliverableOwner } from './deliverable.repository';
import { ReportSource, ReportUnavailableError } from './report-source';

/** Reports a generation step: progress 0–100 and what it is doing. */
export type Step = (progress: number, stage: string) => Promise<void>;

/** What a deliverable is made of, once access is checked: its project, whether it can be made, how. */
export interface ReportTarget {
  projectId: string;
  /** Why no report can be made now (e.g. the run is still going), or undefined. */
  notReady?: { code: string; message: string; details?: Record<string, unknown> };
  /** File name without the extension. */
  fileStem: string;
  types: { html: DeliverableType; pdf: DeliverableType };
  /** The report's HTML at `now`. */
  build(step: Step, now: Date): Promise<string>;
}

const VIEWER = 'a viewer may read and download reports but not generate them';

/**
 * What each kind of deliverable reports on — a run or a check run — behind one access check:
 * members read, editors and owners generate; anyone else gets 404 as for something that does not
 * exist.
 */
@Injectable()
export class ReportTargets {
  constructor(
    private readonly simulations: SimulationRepository,
    private readonly checks: CheckRunRepository,
    private readonly peers: PeerServicesRepository,
    private readonly access: SimulationAccess,
    private readonly source: ReportSource,
  ) {}

  async resolve(owner: DeliverableOwner, user: AuthUser, need: 'reader' | 'editor'): Promise<ReportTarget> {
    return owner.kind === 'simulation' ? this.runTarget(owner.id, user, need) : this.checkTarget(owner.id, user, need);
  }

  private async runTarget(id: string, user: AuthUser, need: 'reader' | 'editor'): Promise<ReportTarget> {
    const simulation = await this.simulations.find(id);
    if (!simulation) throw ApiException.notFound('simulation');
    await this.require(simulation.projectId, user, need, 'simulation');
    return {
      projectId: simulation.projectId,
      notReady: simulation.status === 'COMPLETED' ? undefined : { code: 'run_not_completed', message: `a report needs a completed run; this one is ${simulation.status}`, details: { status: simulation.status } },
      fileStem: `run-report-${id.slice(0, 8)}`,
      types: { html: 'run-report-html', pdf: 'run-report-pdf' },
      build: async (step, now) => renderRunReportHtml(await this.source.runReport(simulation, now, step)),
    };
  }

  private async checkTarget(id: string, user: AuthUser, need: 'reader' | 'editor'): Promise<ReportTarget> {
    const run = await this.checks.find(id);
    if (!run) throw ApiException.notFound('check run');
    await this.require(run.projectId, user, need, 'check run');
    return {
      projectId: run.projectId,
      notReady: run.status === 'RUNNING' ? { code: 'check_not_finished', message: 'a report needs a finished check run; this one is still running', details: { status: run.status } } : undefined,
      fileStem: `check-report-${id.slice(0, 8)}`,
      types: { html: 'check-report-html', pdf: 'check-report-pdf' },
      build: async (step, now) => {
        await step(20, 'reading the evidence');
        const evidence = await this.checks.evidence(id);
        await step(40, 'reading the design version');
        const design = await this.peers.designVersion(run.designId);
        if (!design) throw new ReportUnavailableError('the design version that was checked no longer exists');
        const { userId: _userId, ...dto } = run;
        return renderCheckReportHtml({
          checkRun: { ...dto, evidence },
          designName: design.name,
          designHash: designHash(design),
          designJson: JSON.stringify({ components: design.components, connections: design.connections }, null, 2),
          generatedAt: now.toISOString(),
        });
      },
    };
  }

  private async require(projectId: string, user: AuthUser, need: 'reader' | 'editor', what: string): Promise<void> {
    if (need === 'editor') await this.access.requireEditor(projectId, user.id, what, VIEWER);
    else await this.access.requireReader(projectId, user.id, what);
  }
}
