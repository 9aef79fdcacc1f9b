import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator, Credentials } from './authenticator.js';
import type { Principal } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every request. */
    credentials?: Credentials;
    principal?: Principal;
  }
}

/**
 * Resolves the token of every request to a route that needs one, before
 * anything else runs (the guard then enforces roles). Open and unmatched
 * routes never look a token up: a random token there costs no read, and the
 * caller is counted by its address.
 */
export function authenticateRequests(
  fastify: FastifyInstance,
  authenticator: Authenticator,
  needsToken: (request: FastifyRequest) => boolean,
): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    if (!needsToken(request)) return;
    request.credentials = await authenticator.authenticate(request.headers.authorization);
    if (request.credentials.kind === 'valid') request.principal = request.credentials.principal;
  });
}

/**
 * Whose rate a request counts against: its token, or its address without a
 * valid token; a coordinator's token has the larger limit (bulk imports).
 */
export function rateLimitedCaller(request: FastifyRequest): { key: string; coordinator: boolean } {
  const { principal } = request;
  return principal
    ? { key: `token:${principal.tokenId}`, coordinator: principal.role === 'coordinator' }
    : { key: `address:${request.ip}`, coordinator: false };
}
