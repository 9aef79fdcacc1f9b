import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { httpProblem } from './problem-details.filter.js';

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a malformed
 * request line or header, headers past their size limit, a request too slow to
 * arrive) is answered as problem details too, then the connection is closed,
 * as Node does. Fastify's own answer here was `application/json` of its own shape.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request did not arrive in time']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are larger than 16 KiB']
        : [400, 'The request is not well-formed HTTP'];
  const body = JSON.stringify(httpProblem(status, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
