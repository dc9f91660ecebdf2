import { Injectable } from '@nestjs/common';
import { validateDesign, type AnalysisDto, type Design, type ReviewRequest } from '@architech/contracts';
import type { z } from 'zod';
import { ApiException, type AuthUser } from '@architech/service-kit';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { SimulationAccess } from '../services/simulation-access';
import { AnalysisRunner } from './analysis-runner';
import { AnalysisRepository, type AnalysisRecord } from './analysis.repository';

/** Reviews and refinements one user may have pending or running at once. */
export const ANALYSIS_MAX_ACTIVE_PER_USER = 2;
/** Wall-clock budget of a refine run, ms: past it the run stops with `timeout`. */
export const REFINE_TIMEOUT_MS = 5 * 60_000;
/** Stored analyses listed per design and kind. */
const LIST_LIMIT = 20;

type Kind = 'review' | 'refinement';

/** What a refine run is asked (`refinementRequestSchema`, parsed at the edge). */
export type RefinementRequest = z.output<typeof import('@architech/contracts').refinementRequestSchema>;
/** A start request parsed at the edge: a review's or a refine run's. */
export type AnalysisRequest = { kind: 'review'; request: ReviewRequest } | { kind: 'refinement'; request: RefinementRequest };

/** Starting, reading and listing design reviews and refine runs of design versions. */
@Injectable()
export class AnalysesService {
  constructor(
    private readonly analyses: AnalysisRepository,
    private readonly peers: PeerServicesRepository,
    private readonly access: SimulationAccess,
    private readonly runner: AnalysisRunner,
  ) {}

  async start(designId: string, { kind, request }: AnalysisRequest, user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    const { design, projectId } = await this.designFor(designId, user);
    const created = await this.analyses.createWithinQuota({ kind, designId, projectId, userId: user.id, request: request as Record<string, unknown> }, ANALYSIS_MAX_ACTIVE_PER_USER);
    if ('active' in created) {
      throw new ApiException(429, 'too_many_analyses', `you already have ${created.active} reviews or refinements pending or running (limit ${ANALYSIS_MAX_ACTIVE_PER_USER}); wait for one to finish`, { active: created.active, limit: ANALYSIS_MAX_ACTIVE_PER_USER });
    }
    const id = created.record.id;
    if (kind === 'review') {
      const r = request as { simulate: boolean; seed: number; goal?: { hypothesis: unknown[]; run?: Record<string, number> } };
      this.runner.submit(id, { kind: 'review', design, simulate: r.simulate, seed: r.seed, goal: r.goal });
    } else {
      this.runner.submit(id, { kind: 'refinement', design, goal: request as { hypothesis: unknown[] }, timeoutMs: REFINE_TIMEOUT_MS });
    }
    return { id, status: 'PENDING' };
  }

  async get(kind: Kind, id: string, user: AuthUser): Promise<AnalysisDto> {
    const record = await this.analyses.find(id);
    if (!record || record.kind !== kind) throw ApiException.notFound(kind);
    await this.access.requireReader(record.projectId, user.id, kind);
    return toDto(record);
  }

  async list(kind: Kind, designId: string, user: AuthUser): Promise<AnalysisDto[]> {
    const version = await this.peers.designVersion(designId);
    if (!version) throw ApiException.notFound('design');
    await this.access.requireReader(version.projectId, user.id, 'design');
    return (await this.analyses.listForDesign(designId, kind, LIST_LIMIT)).map(toDto);
  }

  private async designFor(designId: string, user: AuthUser): Promise<{ design: Design; projectId: string }> {
    const version = await this.peers.designVersion(designId);
    if (!version) throw ApiException.notFound('design');
    await this.access.requireEditor(version.projectId, user.id, 'design');
    const design = validateDesign({ components: version.components, connections: version.connections });
    if (!design.ok) throw ApiException.validation('the stored design', design.issues);
    return { design: design.value, projectId: version.projectId };
  }
}

function toDto(record: AnalysisRecord): AnalysisDto {
  const { userId: _owner, ...dto } = record;
  return dto;
}
