import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandSender } from '../command-handling/command-context.js';
import { FULL_ACCESS, type AccessScope } from '../shared/access-scope.js';
import { InvalidRequestError } from '../shared/errors.js';
import { scopeOf } from './principal.js';
import type { Role } from './token.events.js';

export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** Visible ASCII, as for any header value meant to be compared byte for byte. */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** Open without a token (health, metrics): such routes answer nothing private. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call a route; a route without it is for coordinators only. */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

const accessOf = ({ principal }: FastifyRequest): AccessScope => (principal ? scopeOf(principal) : FULL_ACCESS);

/** What the caller may reach: everything, or a partner's MDEs. */
export const Access = createParamDecorator((_: unknown, context: ExecutionContext): AccessScope =>
  accessOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** Who asks: the token's id, by which its expensive reads are counted. */
export const Actor = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<FastifyRequest>().principal?.tokenId ?? 'anonymous',
);

/**
 * The sender of a command, from the request: who (the actor) and what it may
 * reach, the Idempotency-Key that makes a retry recognisable, and the
 * correlation id.
 */
export const Sender = createParamDecorator((_: unknown, context: ExecutionContext): CommandSender => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const idempotencyKey = header(request, 'idempotency-key');
  const correlationId = header(request, 'x-correlation-id');
  if (idempotencyKey !== undefined && !KEY_PATTERN.test(idempotencyKey)) {
    throw new InvalidRequestError([{ field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' }]);
  }
  if (correlationId !== undefined && !KEY_PATTERN.test(correlationId)) {
    throw new InvalidRequestError([
      { field: 'X-Correlation-Id', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  return {
    actor: request.principal?.tokenId ?? 'anonymous',
    access: accessOf(request),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(correlationId === undefined ? {} : { correlationId }),
  };
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
