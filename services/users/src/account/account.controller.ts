import { Body, Controller, Delete, Get, HttpCode, Res } from '@nestjs/common';
import { deleteAccountSchema, type AccountDeletionDto, type AccountDeletionPreviewDto, type DeleteAccountInput } from '@architech/contracts';
import { CurrentUser, ZodPipe, type AuthUser } from '@architech/service-kit';
import type { Response } from 'express';
import { AccountDeletionService } from './account-deletion.service';
import { AccountExportService } from './account-export.service';

/** The signed-in user's own account: what deleting it would do, deleting it, exporting its data. */
@Controller('api/users/me')
export class AccountController {
  constructor(
    private readonly deletion: AccountDeletionService,
    private readonly exports: AccountExportService,
  ) {}

  @Get('deletion')
  preview(@CurrentUser() user: AuthUser): Promise<AccountDeletionPreviewDto> {
    return this.deletion.preview(user.id);
  }

  /** 200 when deleted, 202 when locked and still being completed (a service did not answer). */
  @Delete()
  @HttpCode(200)
  async remove(@Body(ZodPipe(deleteAccountSchema, 'account deletion')) input: DeleteAccountInput, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<AccountDeletionDto> {
    const outcome = await this.deletion.request(user, input);
    if (outcome.status === 'pending') response.status(202);
    return outcome;
  }

  @Get('export')
  async export(@CurrentUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const { fileName, body } = await this.exports.archive(user.id);
    response.setHeader('content-type', 'application/gzip');
    response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    response.setHeader('cache-control', 'no-store');
    response.end(body);
  }
}
