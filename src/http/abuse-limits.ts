import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { KindedError } from '../shared/errors.js';

/** A caller over its rate, saying the limit and when to retry. */
class RateLimitedError extends KindedError {
  readonly kind = 'rate-limited';

  constructor(
    readonly max: number,
    readonly ttlMs: number,
  ) {
    super(`More than ${max} requests a minute; retry in ${Math.ceil(ttlMs / 1000)} s`);
  }
}

/** Whose rate a request counts against, once its caller is known (the authentication hook runs first). */
export type RateLimitedCaller = (request: FastifyRequest) => { readonly key: string; readonly coordinator: boolean };

/**
 * What every request goes through before a route: the caller's rate is
 * limited, security headers are set, and browsers from other origins are
 * refused unless configured. (@fastify/rate-limit and @fastify/cors: the
 * Fastify team's own plugins, kept in step with Fastify; helmet for the headers.)
 */
export async function applyAbuseLimits(
  app: NestFastifyApplication,
  config: AppConfig,
  callerOf: RateLimitedCaller,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(rateLimit, {
    global: true,
    keyGenerator: (request) => callerOf(request).key,
    max: (request) =>
      callerOf(request).coordinator ? config.coordinatorRateLimitPerMinute : config.rateLimitPerMinute,
    // Every request counts, open and unmatched routes too: each one is work (/health asks the store).
    timeWindow: 60_000,
    // Thrown by the plugin (after it set Retry-After), answered by the problem details filter.
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.max, context.ttl),
  });
  // The plugin limits each route it sees registered; an unmatched URL (Nest's not-found handler) goes through this.
  const limitUnmatched = fastify.rateLimit();
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === undefined) await limitUnmatched.call(fastify, request, reply);
  });
  const securityHeaders = staticSecurityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(securityHeaders);
    done();
  });
  await app.register(cors, {
    origin: config.corsOrigins.length === 0 ? false : [...config.corsOrigins],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
    methods: ['GET', 'POST', 'DELETE'],
  });
}

/**
 * Helmet's options. The API answers JSON; the OpenAPI page and the HTML report need their inline
 * styles. No page the service serves has an inline script (the OpenAPI page loads its three from
 * the service), so scripts come from the service only: an injected <script> runs nowhere.
 * No upgrade-insecure-requests (a helmet default): the service speaks plain HTTP unless a proxy in
 * front of it terminates TLS, and a browser told to upgrade fetches /api/docs's scripts over https
 * from a port that does not speak it: a blank page on any host but localhost. A proxy serving
 * HTTPS can add the directive.
 */
export const SECURITY_HEADER_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      upgradeInsecureRequests: null,
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
};

/**
 * The headers helmet sets, asked of it once: with these options none depends on the request. They
 * are set as the reply's own headers, sent with Fastify's (a route may still replace one, as the web
 * app does its CSP). Helmet's middleware on every request made twelve `setHeader` calls on the raw
 * response, each validating its name and value, and with them Node's `writeHead` took its slow path,
 * setting Fastify's headers one by one again: 4 % of a figures GET's CPU. Helmet's one removal,
 * X-Powered-By, has nothing to remove: neither Node nor Fastify sets it. A header that came out
 * different twice in a row (a per-request nonce, say, if the options ever ask for one) stops the
 * start rather than being sent to everyone.
 */
export function staticSecurityHeaders(
  options: Readonly<HelmetOptions> = SECURITY_HEADER_OPTIONS,
): Record<string, string> {
  const middleware = helmet(options);
  const [first, second] = [headersSetBy(middleware), headersSetBy(middleware)];
  if (JSON.stringify(first) !== JSON.stringify(second))
    throw new Error('Helmet sets headers that vary per request: they cannot be computed once');
  return first;
}

function headersSetBy(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined,
  };
  let done = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) throw new Error('Helmet refused its options', { cause: error });
    done = true;
  });
  if (!done) throw new Error('Helmet did not set its headers at once');
  return headers;
}
