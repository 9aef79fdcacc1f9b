import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller's id may look like to be logged as it is: no spaces, no control characters, no markup. */
const SANE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is a
 * sane value, otherwise a new one. Fastify makes it the request's id, so every
 * line logged for the request carries it (as `correlationId`).
 */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_HEADER];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}

/** Every answer says which correlation id its request was logged under. */
export function echoCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_HEADER, request.id);
    done();
  });
}
