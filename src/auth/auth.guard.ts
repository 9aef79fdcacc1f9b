import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { problemType, type ProblemDetails } from '../http/problem-details.js';
import { AccessDeniedError } from './access-denied.error.js';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators.js';
import type { Credentials } from './authenticator.js';
import type { Principal } from './principal.js';
import type { Role } from './token.events.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every request. */
    credentials?: Credentials;
    principal?: Principal;
  }
}

/** No token, or one that is unknown or revoked: 401. */
export class UnauthenticatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }

  toProblem(): { problem: ProblemDetails; headers: Record<string, string> } {
    return {
      problem: { type: problemType('unauthenticated'), title: 'Unauthorized', status: 401, detail: this.message },
      headers: { 'www-authenticate': 'Bearer realm="indicators"' },
    };
  }
}

/**
 * Every route needs a valid token with one of the route's roles (spec/api.md,
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
    if (credentials.kind === 'invalid') throw new UnauthenticatedError('The token is unknown or revoked');
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? ['coordinator'];
    const { principal } = credentials;
    if (!allowed.includes(principal.role)) {
      throw new AccessDeniedError(`This needs the role ${allowed.join(' or ')}; the token's role is ${principal.role}`);
    }
    return true;
  }
}
