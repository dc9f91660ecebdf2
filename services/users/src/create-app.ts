import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@architech/service-kit';
import type { UsersConfig } from './config';
import { UsersModule } from './users.module';

/** Builds the users service's application (not yet listening). */
export async function createUsersApp(config: UsersConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createServiceApp(UsersModule.forRoot(config) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet });
  // Behind the gateway the client address arrives in X-Forwarded-For from a loopback/private hop.
  (app.getHttpAdapter().getInstance() as { set(k: string, v: unknown): void }).set('trust proxy', 'loopback, uniquelocal');
  return app;
}
