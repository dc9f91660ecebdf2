import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { createProjectSchema, updateProjectSchema, type CreateProjectInput, type ProjectDto, type UpdateProjectInput } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import { ProjectsService } from '../services/projects.service';

/** Bodies are read before the project id, as before the pipes: a bad body is a 400 whatever the id. */
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<{ projects: ProjectDto[] }> {
    return { projects: await this.projects.list(user.id) };
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body(ZodPipe(createProjectSchema, 'project')) input: CreateProjectInput): Promise<ProjectDto> {
    return this.projects.create(user.id, input);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string): Promise<ProjectDto> {
    return this.projects.get(id, user.id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Body(ZodPipe(updateProjectSchema, 'project update')) input: UpdateProjectInput, @Param('id', UuidParam('project')) id: string): Promise<ProjectDto> {
    return this.projects.update(id, user.id, input);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string): Promise<void> {
    return this.projects.remove(id, user.id);
  }
}
