import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceKitModule } from '@architech/service-kit';
import type { GatewayConfig } from './config';
import { GatewayController } from './controllers/gateway.controller';
import { GatewayConfigToken } from './gateway-config.token';

/** The gateway: no database; health, readiness and the OpenAPI document (proxying is middleware). */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [ServiceKitModule.forRoot({ jwtSecret: config.JWT_SECRET, jwtTtlSec: config.JWT_TTL_SEC, internalToken: config.INTERNAL_TOKEN })],
      controllers: [GatewayController],
      providers: [{ provide: GatewayConfigToken, useValue: config }],
    };
  }
}
