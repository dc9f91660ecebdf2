import { Controller, Get, Param } from '@nestjs/common';
import type { ProjectPricingDto, ProjectRole } from '@architech/contracts';
import { Internal, UuidParam } from '@architech/service-kit';
import { ProjectAccess } from '../services/project-access';
import { ProjectsService } from '../services/projects.service';

/** Service-to-service routes (designs authorizes its requests with a member's role here). */
@Internal()
@Controller('internal/projects')
export class InternalProjectsController {
  constructor(
    private readonly access: ProjectAccess,
    private readonly projects: ProjectsService,
  ) {}

  @Get(':id/members/:userId')
  memberRole(@Param('id', UuidParam('member')) id: string, @Param('userId', UuidParam('member')) userId: string): Promise<{ role: ProjectRole }> {
    return this.access.memberRole(id, userId);
  }

  /** Its provider scope and price overrides: what simulations prices the project's runs with. */
  @Get(':id/pricing')
  pricing(@Param('id', UuidParam('project')) id: string): Promise<ProjectPricingDto> {
    return this.projects.pricing(id);
  }
}
