import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { FULL_ACCESS, scopeOf, type AccessScope } from './principal.js';
import type { Role } from './token.events.js';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** Open without a token (health, metrics): such routes answer nothing private. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route; a route without it is for coordinators only. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** What the caller may reach: everything, or a partner's MDEs. */
export const Access = createParamDecorator((_: unknown, context: ExecutionContext): AccessScope => {
  const { principal } = context.switchToHttp().getRequest<FastifyRequest>();
  return principal ? scopeOf(principal) : FULL_ACCESS;
});
