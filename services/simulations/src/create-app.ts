import type { INestApplication } from '@nestjs/common';
import { createServiceApp, type EventBus } from '@architech/service-kit';
import type { SimulationsConfig } from './config';
import { SimulationsModule } from './simulations.module';

/** Builds the simulations service (not yet listening) on the given bus. */
export async function createSimulationsApp(config: SimulationsConfig, bus: EventBus, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(SimulationsModule.forRoot(config, bus) as never, { bodyLimitBytes: config.BODY_LIMIT_BYTES, quiet: options.quiet });
}
