import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from '../shared/browser-session.js';

/** The session id a request's Cookie header carries, if any (the first, should a browser send two). */
export function sessionCookieOf(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0 || pair.slice(0, equals).trim() !== SESSION_COOKIE) continue;
    const value = pair.slice(equals + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/**
 * The Set-Cookie of a session: out of scripts' reach (HttpOnly), never sent by
 * another site's page (SameSite=Strict), and only over HTTPS when the request
 * came over HTTPS (directly, or through a proxy trusted by TRUST_PROXY).
 */
export function sessionCookie(request: FastifyRequest, sessionId: string): string {
  return attributes(request, `${SESSION_COOKIE}=${sessionId}`, Math.floor(SESSION_LIFETIME_MS / 1000));
}

/** The Set-Cookie that makes a browser forget its session. */
export function clearedSessionCookie(request: FastifyRequest): string {
  return attributes(request, `${SESSION_COOKIE}=`, 0);
}

const attributes = (request: FastifyRequest, pair: string, maxAgeSeconds: number): string =>
  [pair, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`]
    .concat(request.protocol === 'https' ? ['Secure'] : [])
    .join('; ');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request that changes state comes from another origin than the
 * service's own: its `Origin`, else its `Sec-Fetch-Site`, must say the
 * service's own pages sent it. A request saying neither is refused too: every
 * browser this app supports sends one of them, and a script without a browser
 * uses a bearer token.
 */
export function crossOriginChange(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.origin;
  if (origin !== undefined) return origin.toLowerCase() !== `${request.protocol}://${request.host}`.toLowerCase();
  return request.headers['sec-fetch-site'] !== 'same-origin';
}
