import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { KindedError } from '../shared/errors.js';
import { AccessDeniedError } from './access-denied.error.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';
import type { Role } from './token.events.js';

/** No token, or one that is unknown or revoked. */
export class UnauthenticatedError extends KindedError {
  readonly kind = 'unauthenticated';
}

/**
 * Every route needs a valid token with one of the route's roles (docs/api.md,
 * "Security"); the scope of a partner's MDEs is checked where the project is known.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const credentials = request.credentials ?? { kind: 'none' };
    if (credentials.kind === 'none')
      throw new UnauthenticatedError('A bearer token is required (Authorization: Bearer <token>)');
    if (credentials.kind === 'invalid')
      throw new UnauthenticatedError(credentials.reason ?? 'The token is unknown or revoked');
    if (request.crossOriginSession) {
      throw new AccessDeniedError(
        "A change made with a session cookie must come from the service's own pages (Origin or Sec-Fetch-Site); " +
          'another site cannot act for a signed-in browser',
      );
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? ['coordinator'];
    const { principal } = credentials;
    if (!allowed.includes(principal.role)) {
      throw new AccessDeniedError(`This needs the role ${allowed.join(' or ')}; the token's role is ${principal.role}`);
    }
    return true;
  }
}
