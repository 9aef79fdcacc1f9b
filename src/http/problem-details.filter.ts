import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { KindedError } from '../shared/errors.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details.js';
import { problemOf } from './problem-kinds.js';

/**
 * Every error leaves as application/problem+json (RFC 9457), with the status
 * the contract gives it (docs/api.md): errors that say their kind are answered
 * by the table of problem kinds; what Fastify and Nest refuse before a route
 * runs, and anything unforeseen (500), here.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = toProblem(error);
    logFailure(error, problem);
    sendProblem(reply, problem, headers);
  }
}

const logger = new Logger('http');

/** A 5xx is logged: a foreseen one (read models behind, store unreachable) as a warning, its stack saying nothing more. */
export function logFailure(error: unknown, problem: ProblemDetails): void {
  if (problem.status < 500) return;
  if (error instanceof KindedError) logger.warn({ kind: error.kind }, problem.detail);
  else logger.error({ err: error }, problem.detail);
}

/** The problem details an error is answered with, and the headers that go with them. */
export function toProblem(error: unknown): { problem: ProblemDetails; headers?: Record<string, string> } {
  if (error instanceof KindedError) return problemOf(error);
  if (error instanceof HttpException) {
    // Fastify's own refusals reach us as HttpExceptions: a 400 there is a body that is not JSON.
    if (error.getStatus() === 400 && /JSON/i.test(error.message)) return { problem: malformedBody(error.message) };
    return { problem: httpProblem(error.getStatus(), error.message) };
  }
  const fastifyStatus = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return { problem: fastifyProblem(fastifyStatus, error as Error & { code?: string }) };
  }
  return {
    problem: {
      type: problemType('internal'),
      title: 'Internal error',
      status: 500,
      detail: 'The server failed to answer; the failure is logged',
    },
  };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails, headers: Record<string, string> = {}): void {
  void reply.status(problem.status).headers(headers).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  413: 'Request body too large',
  431: 'Request header fields too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

export function httpProblem(status: number, detail: string): ProblemDetails {
  return { type: problemType(`http-${status}`), title: TITLES[status] ?? `HTTP ${status}`, status, detail };
}

function invalidPath(message: string): ProblemDetails {
  return {
    type: problemType('validation'),
    title: 'Invalid request',
    status: 400,
    detail: `path: ${message}`,
    errors: [{ field: 'path', message }],
  };
}

function malformedBody(detail: string): ProblemDetails {
  return {
    type: problemType('validation'),
    title: 'Invalid request',
    status: 400,
    detail,
    errors: [{ field: 'body', message: 'malformed JSON' }],
  };
}

/** Errors Fastify raises before a route runs: a URL it cannot route, malformed JSON, body too large, unknown media type. */
function fastifyProblem(status: number, error: Error & { code?: string }): ProblemDetails {
  if (error.code === 'FST_ERR_BAD_URL') return invalidPath('has a malformed percent-encoding');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return invalidPath('has a segment longer than 100 characters');
  if (status === 400) return malformedBody(error.message);
  if (status === 413) return httpProblem(413, "Request bodies are limited to 1 MiB, and an import's file to 20 MiB");
  return httpProblem(status, error.message);
}
