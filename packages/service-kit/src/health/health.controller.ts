import { Controller, Get, HttpCode, Inject, Optional } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/auth.guard';
import { ApiException } from '../errors/api-exception';

/** Injection token of the service's TypeORM data source (absent in services without a database). */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/** Liveness (`/health`: the process answers) and readiness (`/ready`: its database answers too). */
@Controller()
export class HealthController {
  constructor(@Optional() @Inject(DATA_SOURCE) private readonly dataSource?: DataSource) {}

  @Public()
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    if (this.dataSource) {
      try {
        await this.dataSource.query('SELECT 1');
      } catch (error) {
        throw new ApiException(503, 'not_ready', `database unavailable: ${(error as Error).message}`);
      }
    }
    return { status: 'ready' };
  }
}
