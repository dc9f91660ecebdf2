import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, AuthGuardOptions } from './auth/auth.guard';
import { TokenService } from './auth/token.service';
import { HealthController } from './health/health.controller';
import { assertProductionSecrets } from './config/common-config';

export interface ServiceKitOptions {
  jwtSecret: string;
  jwtTtlSec: number;
  internalToken: string;
}

/** Health endpoints, token verification and the global auth guard, for every service. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    assertProductionSecrets({ JWT_SECRET: options.jwtSecret, INTERNAL_TOKEN: options.internalToken });
    return {
      module: ServiceKitModule,
      controllers: [HealthController],
      providers: [
        { provide: TokenService, useValue: new TokenService(options.jwtSecret, options.jwtTtlSec) },
        { provide: AuthGuardOptions, useValue: new AuthGuardOptions(options.internalToken) },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService],
    };
  }
}
