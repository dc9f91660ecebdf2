import { Injectable } from '@nestjs/common';
import { fromZodIssues, refinementRequestSchema, reviewRequestSchema, validateDesign, type AnalysisDto, type Design } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import { PeerServicesRepository } from '../repositories/peer-services.repository';
import { isUuid, SimulationAccess } from '../services/simulation-access';
import { AnalysisRunner } from './analysis-runner';
import { AnalysisRepository, type AnalysisRecord } from './analysis.repository';

/** Reviews and refinements one user may have pending or running at once. */
export const ANALYSIS_MAX_ACTIVE_PER_USER = 2;
/** Wall-clock budget of a refine run, ms: past it the run stops with `timeout`. */
export const REFINE_TIMEOUT_MS = 5 * 60_000;
/** Stored analyses listed per design and kind. */
const LIST_LIMIT = 20;

type Kind = 'review' | 'refinement';

/** Starting, reading and listing design reviews and refine runs of design versions. */
@Injectable()
export class AnalysesService {
  constructor(
    private readonly analyses: AnalysisRepository,
    private readonly peers: PeerServicesRepository,
    private readonly access: SimulationAccess,
    private readonly runner: AnalysisRunner,
  ) {}

  async start(kind: Kind, designId: string, body: unknown, user: AuthUser): Promise<{ id: string; status: 'PENDING' }> {
    const { design, projectId } = await this.designFor(designId, user);
    const schema = kind === 'review' ? reviewRequestSchema : refinementRequestSchema;
    const parsed = schema.safeParse(body ?? {});
    if (!parsed.success) throw ApiException.validation(kind === 'review' ? 'review request' : 'refinement goal', fromZodIssues(parsed.error.issues));
    const request = parsed.data as Record<string, unknown>;
    const created = await this.analyses.createWithinQuota({ kind, designId, projectId, userId: user.id, request }, ANALYSIS_MAX_ACTIVE_PER_USER);
    if ('active' in created) {
      throw new ApiException(429, 'too_many_analyses', `you already have ${created.active} reviews or refinements pending or running (limit ${ANALYSIS_MAX_ACTIVE_PER_USER}); wait for one to finish`, { active: created.active, limit: ANALYSIS_MAX_ACTIVE_PER_USER });
    }
    const id = created.record.id;
    if (kind === 'review') {
      const r = parsed.data as { simulate: boolean; seed: number; goal?: { hypothesis: unknown[]; run?: Record<string, number> } };
      this.runner.submit(id, { kind: 'review', design, simulate: r.simulate, seed: r.seed, goal: r.goal });
    } else {
      this.runner.submit(id, { kind: 'refinement', design, goal: parsed.data as { hypothesis: unknown[] }, timeoutMs: REFINE_TIMEOUT_MS });
    }
    return { id, status: 'PENDING' };
  }

  async get(kind: Kind, id: string, user: AuthUser): Promise<AnalysisDto> {
    const record = isUuid(id) ? await this.analyses.find(id) : undefined;
    if (!record || record.kind !== kind) throw ApiException.notFound(kind);
    await this.access.requireReader(record.projectId, user.id, kind);
    return toDto(record);
  }

  async list(kind: Kind, designId: string, user: AuthUser): Promise<AnalysisDto[]> {
    const version = isUuid(designId) ? await this.peers.designVersion(designId) : undefined;
    if (!version) throw ApiException.notFound('design');
    await this.access.requireReader(version.projectId, user.id, 'design');
    return (await this.analyses.listForDesign(designId, kind, LIST_LIMIT)).map(toDto);
  }

  private async designFor(designId: string, user: AuthUser): Promise<{ design: Design; projectId: string }> {
    const version = isUuid(designId) ? await this.peers.designVersion(designId) : undefined;
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
