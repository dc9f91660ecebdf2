import { Controller, Get, Param } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { Internal } from '@architech/service-kit';
import { ProjectAccess } from '../services/project-access';

/** Service-to-service routes (designs authorizes its requests with a member's role here). */
@Internal()
@Controller('internal/projects')
export class InternalProjectsController {
  constructor(private readonly access: ProjectAccess) {}

  @Get(':id/members/:userId')
  memberRole(@Param('id') id: string, @Param('userId') userId: string): Promise<{ role: ProjectRole }> {
    return this.access.memberRole(id, userId);
  }
}
