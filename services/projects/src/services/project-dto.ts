import type { ProjectDto, ProjectRole } from '@architech/contracts';
import type { ProjectEntity } from '../entities/project.entity';

/** A project as its member `role` sees it. */
export function toProjectDto(project: ProjectEntity, role: ProjectRole): ProjectDto {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    role,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}
