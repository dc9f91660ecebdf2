import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { createProjectSchema, updateProjectSchema, type ProjectDto } from '@architech/contracts';
import { CurrentUser, parseInput, type AuthUser } from '@architech/service-kit';
import { ProjectsService } from '../services/projects.service';

@Controller('api/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<{ projects: ProjectDto[] }> {
    return { projects: await this.projects.list(user.id) };
  }

  @Post()
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ProjectDto> {
    return this.projects.create(user.id, parseInput(createProjectSchema, body, 'project'));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ProjectDto> {
    return this.projects.get(id, user.id);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<ProjectDto> {
    return this.projects.update(id, user.id, parseInput(updateProjectSchema, body, 'project update'));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.projects.remove(id, user.id);
  }
}
