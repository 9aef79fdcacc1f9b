import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { Authenticator } from '../auth/authenticator.js';
import { authenticateRequests, rateLimitedCaller } from '../auth/request-authentication.js';
import { applyAbuseLimits } from '../http/abuse-limits.js';
import { answerClientError } from '../http/client-errors.js';
import { correlationIdOf, echoCorrelationId } from '../http/correlation-id.js';
import { acceptJsonBodiesOnly } from '../http/json-bodies.js';
import { acceptSpreadsheetBodies } from '../http/spreadsheet-bodies.js';
import { openApiDocument } from '../http/openapi-document.js';
import { ProblemDetailsFilter, sendProblem, toProblem } from '../http/problem-details.filter.js';
import { RequestValidationPipe } from '../http/request-validation.js';
import { stopGracefully } from '../http/stopping.js';
import { serveWebApp } from '../http/web-app.js';
import { NestPinoLogger, createLogger } from '../logging/logger.js';
import { Metrics } from '../operations/metrics.js';
import { AppModule } from './app.module.js';
import type { CoreOptions } from './core.module.js';

/** Request bodies larger than 1 MiB are refused with 413 (docs/api.md). */
export const BODY_LIMIT = 1024 * 1024;
export const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface HttpAppOptions extends CoreOptions {
  readonly logger?: Logger;
}

/** The service's HTTP application, configured but not listening. */
export async function createHttpApp(options: HttpAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.config.logLevel);
  const problems = new ProblemDetailsFilter();
  const answerUnroutable = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
    const { problem, headers } = toProblem(error);
    sendProblem(reply, problem, headers);
  };
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: correlationIdOf,
    // Requests are counted in the metrics and logged at debug level, not one info line each; every
    // line logged for a request carries its correlation id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    bodyLimit: BODY_LIMIT,
    // Slow clients: the headers within 10 s, the whole request within 30 s, checked every second (Node's
    // default check is every 30 s: 300 sockets sending partial headers stayed open that long); idle
    // sockets closed after 60 s; at most MAX_CONNECTIONS open.
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: 60_000,
    trustProxy: trustedProxies(options.config.trustProxy),
    clientErrorHandler: answerClientError,
    // Requests arriving while it stops are answered by stopGracefully, as problem details.
    return503OnClosing: false,
    // A URL Fastify cannot route (malformed percent-encoding, an overlong segment) is answered before Nest sees it.
    frameworkErrors: answerUnroutable,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    // A failed start reaches the caller (main.ts says why and exits 1) instead of a bare exit inside Nest.
    abortOnError: false,
  });
  limitConnections(app.getHttpAdapter().getInstance().server, options.config.maxConnections);
  echoCorrelationId(app.getHttpAdapter().getInstance());
  acceptJsonBodiesOnly(app, BODY_LIMIT);
  acceptSpreadsheetBodies(app);
  stopGracefully(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(problems);
  authenticateRequests(app.getHttpAdapter().getInstance(), app.get(Authenticator), (request) =>
    needsToken(request.routeOptions.url, request.method, options.config),
  );
  await applyAbuseLimits(app, options.config, rateLimitedCaller);
  measureRequests(app, app.get(Metrics));
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  if (!(await serveWebApp(app, answerUnroutable)))
    logger.debug('No web app built (npm run build): serving the API only');
  await app.init();
  return app;
}

/** Set before listening: Node starts its timeout checks when the server listens, at this interval. */
function limitConnections(server: Server, maxConnections: number): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
  server.maxConnections = maxConnections;
}

/** Fastify takes a number of hops as a number, typed as a function here. */
function trustedProxies(
  trust: AppConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}

/**
 * The routes whose caller is known by a token: the API but its docs and the
 * sign-in (its token is in the body; its attempts count against the address),
 * and the metrics unless public.
 */
function needsToken(route: string | undefined, method: string, config: AppConfig): boolean {
  if (route === undefined || (route === '/api/session' && method === 'POST')) return false;
  if (route === '/metrics') return !config.metricsPublic;
  return route.startsWith('/api/') && !route.startsWith('/api/docs');
}

function measureRequests(app: NestFastifyApplication, metrics: Metrics): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.debug(
      { method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime },
      'answered',
    );
    done();
  });
}

export { createLogger };
