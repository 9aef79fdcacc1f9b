import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Authenticator } from '../auth/authenticator.js';
import type { AppConfig } from '../config/app-config.js';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-details.js';

const OPEN_ROUTES = ['/health', '/metrics'];

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
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      type: problemType('rate-limited'),
      title: 'Too many requests',
      status: 429,
      detail: `More than ${context.max} requests a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 429) void reply.header('content-type', PROBLEM_CONTENT_TYPE);
    return payload;
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
