import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { validateRequirement, type Requirement, type RequirementDto } from '@architech/contracts';
import { CurrentUser, Internal, UuidParam, ValidatorPipe, type AuthUser } from '@architech/service-kit';
import { RequirementsService } from './requirements.service';

@Controller('api/projects/:id/requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string): Promise<{ requirements: RequirementDto[] }> {
    return { requirements: await this.requirements.list(id, user.id) };
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body(ValidatorPipe(validateRequirement, 'requirement')) requirement: Requirement, @Param('id', UuidParam('project')) id: string): Promise<RequirementDto> {
    return this.requirements.create(id, user.id, requirement);
  }

  @Get(':reqId')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string, @Param('reqId') reqId: string): Promise<RequirementDto> {
    return this.requirements.get(id, reqId, user.id);
  }

  /** The body is read by the service: the path's requirement id fills in a body without one. */
  @Put(':reqId')
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string, @Param('reqId') reqId: string, @Body() body: unknown): Promise<RequirementDto> {
    return this.requirements.update(id, reqId, user.id, body);
  }

  @Delete(':reqId')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string, @Param('reqId') reqId: string): Promise<void> {
    return this.requirements.remove(id, reqId, user.id);
  }
}

/** Service-to-service: the simulations service reads a project's requirements for a check run. */
@Internal()
@Controller('internal/projects/:id/requirements')
export class InternalRequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  @Get()
  list(@Param('id', UuidParam('project')) id: string): Promise<{ requirements: RequirementDto[] }> {
    return this.requirements.internalList(id);
  }
}
