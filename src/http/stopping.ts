import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem-details.filter.js';
import { problemType } from './problem-details.js';

/**
 * How the HTTP server stops, once SIGTERM has closed it to new connections
 * and it waits for the requests in flight:
 *
 * - a connection is closed as soon as it has nothing left to answer. A
 *   keep-alive connection whose request was in flight stayed open after its
 *   answer, and the server waited out the keep-alive timeout (72 s) before the
 *   process could exit: long enough for an orchestrator to SIGKILL it;
 * - a request that still arrives on an open connection is answered 503
 *   problem+json with Retry-After (Fastify's own 503 was plain JSON).
 */
export function stopGracefully(fastify: FastifyInstance): void {
  let stopping = false;
  fastify.addHook('preClose', (done) => {
    stopping = true;
    done();
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!stopping) {
      done();
      return;
    }
    sendProblem(
      reply,
      {
        type: problemType('stopping'),
        title: 'Service stopping',
        status: 503,
        detail: 'The service is stopping; send the request again in a moment',
      },
      { 'retry-after': '5' },
    );
  });
  fastify.addHook('onResponse', (_request, _reply, done) => {
    // Not `Connection: close` on the answer: it would drop the answers still queued behind it on a pipelined connection.
    if (stopping) setImmediate(() => fastify.server.closeIdleConnections());
    done();
  });
}
