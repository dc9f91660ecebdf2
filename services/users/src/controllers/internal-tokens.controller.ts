import { Controller, Get, Query } from '@nestjs/common';
import { Internal, ZodPipe } from '@architech/service-kit';
import { z } from 'zod';
import { AuthService } from '../services/auth.service';

const statusQuery = z.strictObject({ sid: z.string().uuid(), jti: z.string().uuid() });

/** Service-to-service: the gateway asks whether an access token was revoked (it caches the answer briefly). */
@Internal()
@Controller('internal/tokens')
export class InternalTokensController {
  constructor(private readonly auth: AuthService) {}

  @Get('status')
  async status(@Query(ZodPipe(statusQuery, 'token status query')) { sid, jti }: z.output<typeof statusQuery>): Promise<{ revoked: boolean }> {
    return { revoked: await this.auth.isRevoked(sid, jti) };
  }
}
