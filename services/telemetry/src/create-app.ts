import type { INestApplication } from '@nestjs/common';
import { createServiceApp, type EventBus } from '@architech/service-kit';
import type { TelemetryConfig } from './config';
import { TelemetryModule } from './telemetry.module';

/** Builds the telemetry service (not yet listening) on the given bus. */
export async function createTelemetryApp(config: TelemetryConfig, bus: EventBus, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(TelemetryModule.forRoot(config, bus) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet });
}
