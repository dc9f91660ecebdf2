import type { ProjectDto, ProjectRole } from '@architech/contracts';
import type { ProjectEntity } from '../entities/project.entity';

/** A project as its member `role` sees it; `trashDays` given, a project in the trash with when it is purged. */
export function toProjectDto(project: ProjectEntity, role: ProjectRole, trashDays?: number): ProjectDto {
  const dto: ProjectDto = {
    id: project.id,
    name: project.name,
    description: project.description,
    role,
    provider: project.provider,
    priceOverrides: project.priceOverrides,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
  if (project.deletedAt && trashDays !== undefined) {
    dto.deletedAt = project.deletedAt.toISOString();
    dto.purgeAt = new Date(project.deletedAt.getTime() + trashDays * 86_400_000).toISOString();
  }
  return dto;
}
