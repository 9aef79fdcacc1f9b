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

/** Resolves every request's token before anything else runs (the guard then enforces roles). */
export function authenticateRequests(fastify: FastifyInstance, authenticator: Authenticator): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
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
