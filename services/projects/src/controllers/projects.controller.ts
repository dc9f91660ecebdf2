import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { createProjectSchema, updateProjectSchema, type CreateProjectInput, type ProjectDto, type UpdateProjectInput } from '@architech/contracts';
import { CurrentUser, UuidParam, ZodPipe, type AuthUser } from '@architech/service-kit';
import { z } from 'zod';
import { ProjectsService } from '../services/projects.service';

/** `?deleted=true` lists the trash; `false` or nothing, the live projects. */
const listQuery = z.object({ deleted: z.enum(['true', 'false']).default('false') });

/** Bodies are read before the project id, as before the pipes: a bad body is a 400 whatever the id. */
@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Query(ZodPipe(listQuery, 'projects query')) query: z.output<typeof listQuery>): Promise<{ projects: ProjectDto[] }> {
    return { projects: query.deleted === 'true' ? await this.projects.listTrash(user.id) : await this.projects.list(user.id) };
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

  /** Takes a project out of the trash (owners). */
  @Post(':id/restore')
  @HttpCode(200)
  restore(@CurrentUser() user: AuthUser, @Param('id', UuidParam('deleted project')) id: string): Promise<ProjectDto> {
    return this.projects.restore(id, user.id);
  }

  /** Moves a project to the trash (owners); see docs/data-lifecycle.md. */
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id', UuidParam('project')) id: string): Promise<void> {
    return this.projects.remove(id, user.id);
  }
}
