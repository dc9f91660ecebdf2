import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { createShareLinkSchema, type CreatedShareLinkDto, type ShareLinkDto } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { z } from 'zod';
import { ShareLinksService } from './share-links.service';

/** A run's share links, for editors and owners of its project (docs/sharing.md). */
@Controller('api/simulations/:id/share-links')
export class ShareLinksController {
  constructor(private readonly links: ShareLinksService) {}

  /** `{ expiresInDays }` (1–90, default 7): 201 with the token, shown this once. */
  @Post()
  create(@Param('id', UuidParam('simulation')) id: string, @Body(ZodPipe(createShareLinkSchema, 'share link')) body: z.output<typeof createShareLinkSchema>, @CurrentUser() user: AuthUser): Promise<CreatedShareLinkDto> {
    return this.links.create(id, body.expiresInDays, user);
  }

  @Get()
  async list(@Param('id', UuidParam('simulation')) id: string, @CurrentUser() user: AuthUser): Promise<{ links: ShareLinkDto[] }> {
    return { links: await this.links.list(id, user) };
  }

  @Delete(':linkId')
  revoke(@Param('id', UuidParam('simulation')) id: string, @Param('linkId', UuidParam('share link')) linkId: string, @CurrentUser() user: AuthUser): Promise<ShareLinkDto> {
    return this.links.revoke(id, linkId, user);
  }
}
