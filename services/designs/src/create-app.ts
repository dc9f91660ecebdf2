import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@architech/service-kit';
import type { DesignsConfig } from './config';
import { DesignsModule } from './designs.module';

/** Builds the designs service's application (not yet listening). */
export function createDesignsApp(config: DesignsConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(DesignsModule.forRoot(config) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet });
}
