import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Authenticator } from '../auth/authenticator.js';
import { authenticateRequests, rateLimitedCaller } from '../auth/request-authentication.js';
import { applyAbuseLimits } from '../http/abuse-limits.js';
import { correlationIdOf, echoCorrelationId } from '../http/correlation-id.js';
import { acceptJsonBodiesOnly } from '../http/json-bodies.js';
import { openApiDocument } from '../http/openapi-document.js';
import { ProblemDetailsFilter, sendProblem } from '../http/problem-details.filter.js';
import { RequestValidationPipe } from '../http/request-validation.js';
import { stopGracefully } from '../http/stopping.js';
import { NestPinoLogger, createLogger } from '../logging/logger.js';
import { Metrics } from '../operations/metrics.js';
import { AppModule } from './app.module.js';
import type { CoreOptions } from './core.module.js';

/** Request bodies larger than 1 MiB are refused with 413 (docs/api.md). */
export const BODY_LIMIT = 1024 * 1024;

export interface HttpAppOptions extends CoreOptions {
  readonly logger?: Logger;
}

/** The service's HTTP application, configured but not listening. */
export async function createHttpApp(options: HttpAppOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.config.logLevel);
  const problems = new ProblemDetailsFilter();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    genReqId: correlationIdOf,
    // Requests are counted in the metrics and logged at debug level, not one info line each; every
    // line logged for a request carries its correlation id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'correlationId' }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Requests arriving while it stops are answered by stopGracefully, as problem details.
    return503OnClosing: false,
    // A URL Fastify cannot route (malformed percent-encoding, an overlong segment) is answered before Nest sees it.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const { problem, headers } = problems.toProblem(error);
      sendProblem(reply, problem, headers);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    // A failed start reaches the caller (main.ts says why and exits 1) instead of a bare exit inside Nest.
    abortOnError: false,
  });
  echoCorrelationId(app.getHttpAdapter().getInstance());
  acceptJsonBodiesOnly(app, BODY_LIMIT);
  stopGracefully(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(problems);
  authenticateRequests(app.getHttpAdapter().getInstance(), app.get(Authenticator));
  await applyAbuseLimits(app, options.config, rateLimitedCaller);
  measureRequests(app, app.get(Metrics));
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  await app.init();
  return app;
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
