import { Body, Controller, Param, Post } from '@nestjs/common';
import { importRequestSchema, type ImportDesignResponseDto } from '@architech/contracts';
import { CurrentUser, parseInput, type AuthUser } from '@architech/service-kit';
import { ImportsService } from '../services/imports.service';

/** Infrastructure code → a new design (docs/import.md). */
@Controller('api')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('projects/:projectId/imports')
  create(@Param('projectId') projectId: string, @Body() body: unknown, @CurrentUser() user: AuthUser): Promise<ImportDesignResponseDto> {
    return this.imports.importDesign(projectId, user.id, parseInput(importRequestSchema, body, 'import'));
  }
}
