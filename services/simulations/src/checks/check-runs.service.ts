import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { validateDesign, validateRequirement, type CheckRunDto, type CriterionEvidenceDto, type Design, type EvidenceDto, type RequirementDto } from '@architech/contracts';
import { ApiException, type AuthUser } from '@architech/service-kit';
import { combineVerdicts, ENGINE_VERSION, evaluateRequirement, type ReplicationObservation } from '@architech/sim-engine';
import { PeerServicesRepository, ProjectsClient } from '../repositories/peer-services.repository';
import { SimulationAccess } from '../services/simulation-access';
import { CheckRunRepository, type CheckRunRecord } from './check-run.repository';
import { designHash } from './design-hash';
import { ReplicationRunner } from './replication-runner';

const toDto = ({ userId: _user, ...run }: CheckRunRecord, evidence: EvidenceDto[]): CheckRunDto => ({ ...run, evidence });

/** Components whose series a requirement's windowed criteria read. */
const windowedComponents = (r: RequirementDto) => [...new Set(r.criteria.filter((c) => c.component && c.window && c.window !== 'steady').map((c) => c.component!))];

/**
 * Check runs: every requirement of a project (or some) against one design version, each
 * replication a normal simulation, the verdicts by the engine's pure evaluation, one evidence
 * record per requirement (docs/checks.md).
 */
@Injectable()
export class CheckRunsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('CheckRuns');

  constructor(
    private readonly checks: CheckRunRepository,
    private readonly peers: PeerServicesRepository,
    private readonly projects: ProjectsClient,
    private readonly access: SimulationAccess,
    private readonly replications: ReplicationRunner,
  ) {}

  /** A check run is driven by the instance that started it; after a restart nothing drives it any more. */
  async onApplicationBootstrap(): Promise<void> {
    await this.checks.failAbandoned('interrupted: the server restarted while the check run was going');
  }

  async start(designId: string, { only }: { only?: string[] }, user: AuthUser): Promise<{ id: string; status: 'RUNNING' }> {
    const version = await this.peers.designVersion(designId);
    if (!version) throw ApiException.notFound('design');
    await this.access.requireEditor(version.projectId, user.id, 'design');
    const all = (await this.projects.get<{ requirements: RequirementDto[] }>(`/internal/projects/${encodeURIComponent(version.projectId)}/requirements`))?.requirements ?? [];
    const unknown = (only ?? []).filter((id) => !all.some((r) => r.id === id));
    if (unknown.length > 0) throw ApiException.validation('check run', [{ path: 'only', code: 'unknown_requirement', message: `the project has no requirement ${unknown.join(', ')}` }]);
    const requirements = only ? all.filter((r) => only.includes(r.id)) : all;
    if (requirements.length === 0) throw ApiException.validation('check run', [{ path: 'only', code: 'no_requirements', message: 'the project has no requirements to check; write one first' }]);
    const design = validateDesign({ components: version.components, connections: version.connections });
    if (!design.ok) throw ApiException.validation('the stored design', design.issues);
    const id = randomUUID();
    await this.checks.create({ id, projectId: version.projectId, designId, designVersion: version.version, userId: user.id, total: requirements.length });
    void this.execute(id, designId, designHash(version), design.value, requirements, user).catch(async (error: Error) => {
      this.logger.warn(`check run ${id} failed: ${error.message}`);
      await this.checks.finish(id, 'FAILED', null, error.message).catch(() => undefined);
    });
    return { id, status: 'RUNNING' };
  }

  private async execute(id: string, designId: string, hash: string, design: Design, requirements: RequirementDto[], user: AuthUser): Promise<void> {
    const verdicts: EvidenceDto['verdict'][] = [];
    for (const requirement of requirements) {
      const evidence = await this.checkOne(id, designId, hash, design, requirement, user);
      await this.checks.addEvidence(id, evidence);
      verdicts.push(evidence.verdict);
    }
    await this.checks.finish(id, 'COMPLETED', combineVerdicts(verdicts.map((v) => (v === 'passed' ? 'pass' : v === 'failed' ? 'fail' : 'inconclusive'))), null);
  }

  private async checkOne(id: string, designId: string, hash: string, design: Design, requirement: RequirementDto, user: AuthUser): Promise<EvidenceDto> {
    const started = Date.now();
    const base: EvidenceDto = {
      requirementId: requirement.id,
      statement: requirement.statement,
      tags: requirement.tags,
      verdict: 'failed',
      flaky: false,
      seeds: [],
      configuration: requirement.scenario,
      criteria: [],
      durationMs: 0,
      engineVersion: ENGINE_VERSION,
      designId,
      designHash: hash,
      simulationIds: [],
    };
    // The requirement was valid when written, but this version may lack a component it names.
    const { id: reqId, statement, tags, scenario, criteria } = requirement;
    const valid = validateRequirement({ id: reqId, statement, tags, scenario, criteria }, design);
    if (!valid.ok) return { ...base, durationMs: Date.now() - started, error: `not applicable to this version: ${valid.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}` };
    const observations: ReplicationObservation[] = [];
    const components = windowedComponents(requirement);
    for (let i = 0; i < requirement.scenario.replications; i++) {
      const config = { ...requirement.scenario, replications: 1, seed: requirement.scenario.seed + i, targetRelError: undefined };
      const outcome = await this.replications.run(id, designId, config, components, user);
      if (outcome.simulationId) base.simulationIds!.push(outcome.simulationId);
      if (!outcome.ok) return { ...base, durationMs: Date.now() - started, error: outcome.error };
      observations.push(outcome.observation);
    }
    const result = evaluateRequirement(requirement.criteria, observations);
    // The engine's outcome carries each criterion as stored, which the contracts' schema validated.
    return { ...base, verdict: result.verdict, flaky: result.flaky, seeds: result.seeds, criteria: result.criteria as CriterionEvidenceDto[], durationMs: Date.now() - started };
  }

  async get(id: string, user: AuthUser): Promise<CheckRunDto> {
    const run = await this.checks.find(id);
    if (!run) throw ApiException.notFound('check run');
    await this.access.requireReader(run.projectId, user.id, 'check run');
    return toDto(run, await this.checks.evidence(id));
  }

  async list(projectId: string, user: AuthUser): Promise<CheckRunDto[]> {
    await this.access.requireReader(projectId, user.id, 'project');
    const runs = await this.checks.listForProject(projectId, 100);
    return Promise.all(runs.map(async (r) => toDto(r, await this.checks.evidence(r.id))));
  }
}
