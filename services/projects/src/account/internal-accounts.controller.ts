import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { AccountProjectDto, AuditEventDto } from '@architech/contracts';
import { Internal, UuidParam, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { AccountErasureService, type EraseOutcome, type ExportedProject } from './account-erasure.service';

const uuid = z.uuid();
const eraseSchema = z.strictObject({ anonymousId: uuid, transferTo: z.record(uuid, uuid).default({}) });

/** Service-to-service: the users service deletes an account and exports its data through these. */
@Internal()
@Controller('internal/users/:userId')
export class InternalAccountsController {
  constructor(private readonly accounts: AccountErasureService) {}

  @Get('projects')
  async projects(@Param('userId', UuidParam('user')) userId: string): Promise<{ projects: AccountProjectDto[] }> {
    return { projects: await this.accounts.overview(userId) };
  }

  @Post('erase')
  @HttpCode(200)
  erase(@Body(ZodPipe(eraseSchema, 'erasure')) body: z.output<typeof eraseSchema>, @Param('userId', UuidParam('user')) userId: string): Promise<EraseOutcome> {
    return this.accounts.erase(userId, body.anonymousId, body.transferTo);
  }

  @Get('export')
  exportOf(@Param('userId', UuidParam('user')) userId: string): Promise<{ projects: ExportedProject[]; audit: AuditEventDto[] }> {
    return this.accounts.exportOf(userId);
  }
}
