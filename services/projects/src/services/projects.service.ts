import { Inject, Injectable } from '@nestjs/common';
import type { CreateProjectInput, ProjectDto, ProjectPricingDto, UpdateProjectInput } from '@architech/contracts';
import { ApiException, CLOCK, type Clock } from '@architech/service-kit';
import type { ProjectEntity } from '../entities/project.entity';
import { ProjectRepository } from '../repositories/project.repository';
import { TransactionRunner } from '../repositories/transaction-runner';
import { ProjectAccess } from './project-access';
import { toProjectDto } from './project-dto';

type EditableField = 'name' | 'description' | 'provider' | 'priceOverrides';

/** Days a deleted project stays in the trash before the purge (PROJECT_TRASH_DAYS). */
export const TRASH_DAYS = Symbol('TRASH_DAYS');

/** Creating, reading, renaming and deleting projects; every write is audited in its transaction. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly access: ProjectAccess,
    private readonly transactions: TransactionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TRASH_DAYS) private readonly trashDays: number,
  ) {}

  /** The user's projects with the user's role, newest first. */
  async list(userId: string): Promise<ProjectDto[]> {
    return (await this.projects.listForMember(userId)).map(({ project, role }) => toProjectDto(project, role));
  }

  /** The user's projects in the trash, last deleted first, each with when it is purged. */
  async listTrash(userId: string): Promise<ProjectDto[]> {
    return (await this.projects.listForMember(userId, true)).map(({ project, role }) => toProjectDto(project, role, this.trashDays));
  }

  /** Creates a project whose creator is its owner. */
  create(actorId: string, input: CreateProjectInput): Promise<ProjectDto> {
    return this.transactions.run(async (tx) => {
      const project = await tx.projects.create(input.name, input.description ?? null, actorId, input.provider ?? 'any');
      await tx.members.add(project.id, actorId, 'owner');
      await tx.audit.record({
        actorId,
        action: 'project.created',
        resourceType: 'project',
        resourceId: project.id,
        projectId: project.id,
        details: { name: project.name, description: project.description, provider: project.provider },
      });
      return toProjectDto(project, 'owner');
    });
  }

  async get(projectId: string, userId: string): Promise<ProjectDto> {
    const role = await this.access.requireRole(projectId, userId, 'viewer');
    const project = await this.projects.findById(projectId);
    if (!project) throw ApiException.notFound('project');
    return toProjectDto(project, role);
  }

  /** A project's provider scope and price overrides, for the simulations service (no caller's role: an internal route). */
  async pricing(projectId: string): Promise<ProjectPricingDto> {
    const project = await this.projects.findById(projectId);
    if (!project || project.deletedAt) throw ApiException.notFound('project');
    return { provider: project.provider, priceOverrides: project.priceOverrides };
  }

  /** Renames or re-describes a project, sets its provider scope or price overrides (owners and editors); unchanged fields write nothing. */
  update(projectId: string, actorId: string, input: UpdateProjectInput): Promise<ProjectDto> {
    return this.transactions.run(async (tx) => {
      const role = await this.access.requireRole(projectId, actorId, 'editor', tx);
      const project = (await tx.projects.findById(projectId)) as ProjectEntity;
      const changes = changedFields(project, input);
      if (Object.keys(changes).length === 0) return toProjectDto(project, role);
      const before = { name: project.name, description: project.description, provider: project.provider, priceOverrides: project.priceOverrides };
      const updated = await tx.projects.update(project, changes);
      await tx.audit.record({
        actorId,
        action: 'project.updated',
        resourceType: 'project',
        resourceId: projectId,
        projectId,
        details: { changes: Object.fromEntries(Object.entries(changes).map(([field, to]) => [field, { from: before[field as EditableField], to }])) },
      });
      return toProjectDto(updated, role);
    });
  }

  /**
   * Moves a project to the trash (owners only): it, its designs and its runs answer 404 until an
   * owner restores it; the purge deletes it for good after the grace period.
   */
  remove(projectId: string, actorId: string): Promise<void> {
    return this.transactions.run(async (tx) => {
      await this.access.requireRole(projectId, actorId, 'owner', tx);
      const project = (await tx.projects.findById(projectId)) as ProjectEntity;
      const at = new Date(this.clock.now());
      await tx.projects.setDeleted(projectId, at, actorId);
      await tx.audit.record({
        actorId,
        action: 'project.deleted',
        resourceType: 'project',
        resourceId: projectId,
        projectId,
        details: { name: project.name, purgeAt: new Date(at.getTime() + this.trashDays * 86_400_000).toISOString() },
      });
    });
  }

  /** Takes a project out of the trash (owners only), as it was. */
  restore(projectId: string, actorId: string): Promise<ProjectDto> {
    return this.transactions.run(async (tx) => {
      const role = await this.access.requireRoleInTrash(projectId, actorId, 'owner', tx);
      await tx.projects.setDeleted(projectId, null, null);
      const project = (await tx.projects.findById(projectId)) as ProjectEntity;
      await tx.audit.record({ actorId, action: 'project.restored', resourceType: 'project', resourceId: projectId, projectId, details: { name: project.name } });
      return toProjectDto(project, role);
    });
  }
}

/** The fields of `input` whose values differ from the project's. */
function changedFields(project: ProjectEntity, input: UpdateProjectInput): Partial<Pick<ProjectEntity, EditableField>> {
  const changes: Partial<Pick<ProjectEntity, EditableField>> = {};
  if (input.name !== undefined && input.name !== project.name) changes.name = input.name;
  if (input.description !== undefined && input.description !== project.description) changes.description = input.description;
  if (input.provider !== undefined && input.provider !== project.provider) changes.provider = input.provider;
  if (input.priceOverrides !== undefined && JSON.stringify(input.priceOverrides) !== JSON.stringify(project.priceOverrides)) changes.priceOverrides = input.priceOverrides;
  return changes;
}
