import { CanActivate, ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiException } from '../errors/api-exception';
import { TokenService, type AuthUser } from './token.service';

const PUBLIC = 'architech:public';
const INTERNAL = 'architech:internal';

/** Marks a route that needs no access token (register, login, health). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Marks a service-to-service route: it needs the internal token instead of a user's. */
export const Internal = () => SetMetadata(INTERNAL, true);

/** The authenticated user of the request. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return (ctx.switchToHttp().getRequest<Request & { user: AuthUser }>()).user;
});

/** Options of the guard, provided by each service from its configuration. */
export class AuthGuardOptions {
  constructor(readonly internalToken: string) {}
}

/**
 * Global guard: every route needs a valid bearer token unless marked {@link Public}; routes
 * marked {@link Internal} need the internal token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly options: AuthGuardOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (this.reflector.getAllAndOverride<boolean>(INTERNAL, targets)) {
      if (request.header('x-internal-token') !== this.options.internalToken) throw ApiException.forbidden('internal route');
      return true;
    }
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw ApiException.unauthorized();
    request.user = this.tokens.verify(match[1]);
    return true;
  }
}
