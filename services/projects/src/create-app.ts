import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@architech/service-kit';
import type { ProjectsConfig } from './config';
import { ProjectsModule } from './projects.module';

/** Builds the projects service's application (not yet listening). */
export function createProjectsApp(config: ProjectsConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(ProjectsModule.forRoot(config) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet });
}
