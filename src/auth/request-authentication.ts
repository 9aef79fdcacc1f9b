import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Authenticator, Credentials } from './authenticator.js';
import type { Principal } from './principal.js';
import { crossOriginChange, sessionCookieOf } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every request. */
    credentials?: Credentials;
    principal?: Principal;
    /** A request signed in by a session cookie that changes state, sent from another origin: refused. */
    crossOriginSession?: boolean;
  }
}

/**
 * Resolves the token of every request to a route that needs one, before
 * anything else runs (the guard then enforces roles): the bearer token when
 * there is an Authorization header, else the browser session of the cookie.
 * Open and unmatched routes never look a token up: a random token there costs
 * no read, and the caller is counted by its address.
 */
export function authenticateRequests(
  fastify: FastifyInstance,
  authenticator: Authenticator,
  needsToken: (request: FastifyRequest) => boolean,
): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    if (!needsToken(request)) return;
    const { authorization } = request.headers;
    const sessionId = authorization ? undefined : sessionCookieOf(request.headers.cookie);
    request.credentials =
      sessionId === undefined
        ? await authenticator.authenticate(authorization)
        : await authenticator.authenticateSession(sessionId);
    if (request.credentials.kind !== 'valid') return;
    request.principal = request.credentials.principal;
    if (request.credentials.session) request.crossOriginSession = crossOriginChange(request);
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
