import { Controller, Get, Param } from '@nestjs/common';
import type { ProjectRole } from '@architech/contracts';
import { Internal, UuidParam } from '@architech/service-kit';
import { ProjectAccess } from '../services/project-access';

/** Service-to-service routes (designs authorizes its requests with a member's role here). */
@Internal()
@Controller('internal/projects')
export class InternalProjectsController {
  constructor(private readonly access: ProjectAccess) {}

  @Get(':id/members/:userId')
  memberRole(@Param('id', UuidParam('member')) id: string, @Param('userId', UuidParam('member')) userId: string): Promise<{ role: ProjectRole }> {
    return this.access.memberRole(id, userId);
  }
}
