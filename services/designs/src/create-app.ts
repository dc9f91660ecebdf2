import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@architech/service-kit';
import type { Request } from 'express';
import type { DesignsConfig } from './config';
import { DesignsModule } from './designs.module';

/** `POST /api/projects/:projectId/designs`, whose body SaveDesignReader reads from its raw bytes (on a worker thread). */
const SAVE_PATH = /^\/api\/projects\/[^/]+\/designs\/?$/;
const isSave = (req: Request) => req.method === 'POST' && SAVE_PATH.test(req.path);

/** Builds the designs service's application (not yet listening). */
export function createDesignsApp(config: DesignsConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(DesignsModule.forRoot(config) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet, rawJson: isSave });
}
