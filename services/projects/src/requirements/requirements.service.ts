import { Inject, Injectable } from '@nestjs/common';
import { CHECK_LIMITS, validateRequirement, type Requirement, type RequirementDto } from '@architech/contracts';
import { ApiException, AuditRepository, DATA_SOURCE } from '@architech/service-kit';
import type { DataSource } from 'typeorm';
import { AUDIT_TABLE } from '../repositories/audit-table';
import { MemberRepository } from '../repositories/member.repository';
import { ProjectRepository } from '../repositories/project.repository';
import { ProjectAccess } from '../services/project-access';
import { RequirementRepository } from './requirement.repository';

const REQ_ID = /^REQ-[0-9]{4,12}$/;

/** An update's body, with the path's id filled in when the body has none. */
function parse(body: unknown, id: string): Requirement {
  const input = body !== null && typeof body === 'object' && !Array.isArray(body) && !('id' in body) ? { ...body, id } : body;
  const outcome = validateRequirement(input);
  if (!outcome.ok) throw ApiException.validation('requirement', outcome.issues);
  if (outcome.value.id !== id) throw ApiException.validation('requirement', [{ path: 'id', code: 'id_mismatch', message: `the body's id ${outcome.value.id} is not the path's ${id}` }]);
  return outcome.value;
}

/**
 * A project's requirements: members read them, editors and owners write them, every write is
 * audited in its transaction (`requirement.created|updated|deleted`).
 */
@Injectable()
export class RequirementsService {
  private readonly requirements: RequirementRepository;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
  ) {
    this.requirements = new RequirementRepository(dataSource);
  }

  private write<T>(projectId: string, actorId: string, work: (repo: RequirementRepository, audit: AuditRepository) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const tx = { projects: new ProjectRepository(manager), members: new MemberRepository(manager), audit: new AuditRepository(manager, AUDIT_TABLE) };
      await this.access.requireRole(projectId, actorId, 'editor', tx);
      return work(new RequirementRepository(manager), tx.audit);
    });
  }

  async list(projectId: string, userId: string): Promise<RequirementDto[]> {
    await this.access.requireRole(projectId, userId, 'viewer');
    return this.requirements.list(projectId);
  }

  async get(projectId: string, id: string, userId: string): Promise<RequirementDto> {
    await this.access.requireRole(projectId, userId, 'viewer');
    const found = REQ_ID.test(id) ? await this.requirements.find(projectId, id) : undefined;
    if (!found) throw ApiException.notFound('requirement');
    return found;
  }

  create(projectId: string, actorId: string, requirement: Requirement): Promise<RequirementDto> {
    return this.write(projectId, actorId, async (repo, audit) => {
      if ((await repo.count(projectId)) >= CHECK_LIMITS.maxRequirements) {
        throw ApiException.validation('requirement', [{ path: 'id', code: 'too_many', message: `a project holds at most ${CHECK_LIMITS.maxRequirements} requirements` }]);
      }
      const created = await repo.create(projectId, requirement);
      if (!created) throw ApiException.conflict(`requirement ${requirement.id} already exists in this project`, { path: 'id' });
      await audit.record({ actorId, action: 'requirement.created', resourceType: 'requirement', resourceId: requirement.id, projectId, details: { statement: requirement.statement } });
      return created;
    });
  }

  update(projectId: string, id: string, actorId: string, body: unknown): Promise<RequirementDto> {
    if (!REQ_ID.test(id)) throw ApiException.notFound('requirement');
    const requirement = parse(body, id);
    return this.write(projectId, actorId, async (repo, audit) => {
      const before = await repo.find(projectId, id);
      const updated = await repo.update(projectId, requirement);
      if (!before || !updated) throw ApiException.notFound('requirement');
      const changed = (['statement', 'tags', 'scenario', 'criteria'] as const).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(updated[k]));
      await audit.record({ actorId, action: 'requirement.updated', resourceType: 'requirement', resourceId: id, projectId, details: { changed } });
      return updated;
    });
  }

  remove(projectId: string, id: string, actorId: string): Promise<void> {
    return this.write(projectId, actorId, async (repo, audit) => {
      if (!REQ_ID.test(id) || !(await repo.remove(projectId, id))) throw ApiException.notFound('requirement');
      await audit.record({ actorId, action: 'requirement.deleted', resourceType: 'requirement', resourceId: id, projectId, details: {} });
    });
  }

  /** Service-to-service: the requirements a check run evaluates. */
  async internalList(projectId: string): Promise<{ requirements: RequirementDto[] }> {
    return { requirements: await this.requirements.list(projectId) };
  }
}
