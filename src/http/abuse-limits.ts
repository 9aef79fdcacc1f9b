import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Authenticator } from '../auth/authenticator.js';
import type { AppConfig } from '../config/app-config.js';
import { problemType, type ProblemDetails } from './problem-details.js';

const OPEN_ROUTES = ['/health', '/metrics'];

/** A caller over its rate: 429 problem details saying the limit and when to retry. */
class RateLimitedError extends Error {
  readonly statusCode = 429;

  constructor(
    readonly max: number,
    readonly ttlMs: number,
  ) {
    super(`More than ${max} requests a minute; retry in ${Math.ceil(ttlMs / 1000)} s`);
    this.name = 'RateLimitedError';
  }

  toProblem(): { problem: ProblemDetails } {
    return {
      problem: { type: problemType('rate-limited'), title: 'Too many requests', status: 429, detail: this.message },
    };
  }
}

/**
 * What every request goes through before a route: the caller's token is
 * resolved (the guard then enforces roles), the caller's rate is limited,
 * security headers are set, and browsers from other origins are refused unless
 * configured. (@fastify/rate-limit and @fastify/cors: the Fastify team's own
 * plugins, kept in step with Fastify; helmet for the headers.)
 */
export async function applyAbuseLimits(
  app: NestFastifyApplication,
  config: AppConfig,
  authenticator: Authenticator,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    request.credentials = await authenticator.authenticate(request.headers.authorization);
    if (request.credentials.kind === 'valid') request.principal = request.credentials.principal;
  });
  await app.register(rateLimit, {
    global: true,
    keyGenerator: (request) => (request.principal ? `token:${request.principal.tokenId}` : `address:${request.ip}`),
    max: (request) =>
      request.principal?.role === 'coordinator' ? config.coordinatorRateLimitPerMinute : config.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => OPEN_ROUTES.includes(request.url.split('?')[0] ?? ''),
    // Thrown by the plugin (after it set Retry-After), answered by the problem details filter.
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.max, context.ttl),
  });
  // Built once: @fastify/helmet builds helmet's middleware again for every request (to honour per-route
  // options, which we do not use), a twentieth of the time of a command under load.
  const securityHeaders = helmet({
    // The API answers JSON; the OpenAPI page and the HTML report need their inline styles and scripts.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(cors, {
    origin: config.corsOrigins.length === 0 ? false : [...config.corsOrigins],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
    methods: ['GET', 'POST', 'DELETE'],
  });
}
