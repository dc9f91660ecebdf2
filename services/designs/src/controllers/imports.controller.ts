import { Body, Controller, Param, Post } from '@nestjs/common';
import { importRequestSchema, type ImportDesignResponseDto, type ImportRequest } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import { ImportsService } from '../services/imports.service';

/** Infrastructure code → a new design (docs/import.md). */
@Controller('api')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('projects/:projectId/imports')
  create(@Body(ZodPipe(importRequestSchema, 'import')) request: ImportRequest, @Param('projectId', UuidParam('project')) projectId: string, @CurrentUser() user: AuthUser): Promise<ImportDesignResponseDto> {
    return this.imports.importDesign(projectId, user.id, request);
  }
}
