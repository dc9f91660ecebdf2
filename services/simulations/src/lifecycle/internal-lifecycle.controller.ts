import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AuditEventDto } from '@architech/contracts';
import { Internal, toAuditEventDto, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { SimulationLifecycleRepository } from './simulation-lifecycle.repository';
import { SimulationPurgeService } from './simulation-purge.service';

const anonymiseSchema = z.strictObject({ anonymousId: z.uuid() });

/** Service-to-service: the projects service purges a project's runs, anonymises a deleted user, exports a user's data. */
@Internal()
@Controller('internal')
export class InternalLifecycleController {
  constructor(
    private readonly purges: SimulationPurgeService,
    private readonly lifecycle: SimulationLifecycleRepository,
  ) {}

  @Post('projects/:projectId/purge')
  @HttpCode(200)
  purge(@Param('projectId', UuidParam('project')) projectId: string): Promise<{ deleted: number }> {
    return this.purges.purge(projectId);
  }

  @Post('users/:userId/anonymise')
  @HttpCode(200)
  async anonymise(@Body(ZodPipe(anonymiseSchema, 'anonymisation')) body: z.output<typeof anonymiseSchema>, @Param('userId', UuidParam('user')) userId: string): Promise<{ anonymised: true }> {
    await this.lifecycle.anonymiseUser(userId, body.anonymousId);
    return { anonymised: true };
  }

  /** The audit entries the user made here (share links made and revoked), for the data export. */
  @Get('users/:userId/audit')
  async auditBy(@Param('userId', UuidParam('user')) userId: string): Promise<{ events: AuditEventDto[] }> {
    return { events: (await this.lifecycle.auditBy(userId)).map(toAuditEventDto) };
  }

  @Get('projects/:projectId/export')
  async exportProject(@Param('projectId', UuidParam('project')) projectId: string): Promise<{ runs: Record<string, unknown>[]; checkRuns: Record<string, unknown>[] }> {
    return { runs: await this.lifecycle.runsOf(projectId), checkRuns: await this.lifecycle.checkRunsOf(projectId) };
  }
}
