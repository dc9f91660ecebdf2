import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuditEventDto, DesignVersionDto } from '@architech/contracts';
import { Internal, toAuditEventDto, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { DesignLifecycleRepository } from '../repositories/design-lifecycle.repository';
import { DesignVersionRepository } from '../repositories/design-version.repository';
import { toDesignVersionDto } from '../services/design-dto';

const anonymiseSchema = z.strictObject({ anonymousId: z.uuid() });

/** Service-to-service: the projects service purges a project's designs, anonymises a deleted user, exports a user's data. */
@Internal()
@Controller('internal')
export class InternalLifecycleController {
  constructor(
    private readonly lifecycle: DesignLifecycleRepository,
    private readonly versions: DesignVersionRepository,
  ) {}

  @Post('projects/:projectId/purge')
  @HttpCode(200)
  async purge(@Param('projectId', UuidParam('project')) projectId: string): Promise<{ deleted: number }> {
    return { deleted: await this.lifecycle.purgeProject(projectId) };
  }

  @Post('users/:userId/anonymise')
  @HttpCode(200)
  async anonymise(@Body(ZodPipe(anonymiseSchema, 'anonymisation')) body: z.output<typeof anonymiseSchema>, @Param('userId', UuidParam('user')) userId: string): Promise<{ anonymised: true }> {
    await this.lifecycle.anonymiseUser(userId, body.anonymousId);
    return { anonymised: true };
  }

  /** Every version of every design of the project, with its graph. */
  @Get('projects/:projectId/export')
  async exportProject(@Param('projectId', UuidParam('project')) projectId: string): Promise<{ designs: { lineageId: string; versions: DesignVersionDto[] }[] }> {
    const designs = new Map<string, DesignVersionDto[]>();
    for (const version of await this.lifecycle.versionsOfProject(projectId)) {
      const list = designs.get(version.lineageId) ?? [];
      list.push(toDesignVersionDto(version, await this.versions.graphOf(version.id)));
      designs.set(version.lineageId, list);
    }
    return { designs: [...designs].map(([lineageId, versions]) => ({ lineageId, versions })) };
  }

  @Get('users/:userId/audit')
  async auditBy(@Param('userId', UuidParam('user')) userId: string): Promise<{ events: AuditEventDto[] }> {
    return { events: (await this.lifecycle.auditBy(userId)).map(toAuditEventDto) };
  }
}
