import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FULL_ACCESS, scopeOf } from '../auth/principal.js';
import type { CommandOutcome } from '../command-handling/command-executor.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { RequestValidationError } from './problem-details.js';

/** Visible ASCII, as for any header value meant to be compared byte for byte. */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * The sender of a command, from the request: who (the actor), the
 * Idempotency-Key that makes a retry recognisable, and the correlation id.
 */
export const Sender = createParamDecorator((_: unknown, context: ExecutionContext): CommandSender => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const idempotencyKey = header(request, 'idempotency-key');
  const correlationId = header(request, 'x-correlation-id');
  if (idempotencyKey !== undefined && !KEY_PATTERN.test(idempotencyKey)) {
    throw new RequestValidationError([
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  if (correlationId !== undefined && !KEY_PATTERN.test(correlationId)) {
    throw new RequestValidationError([
      { field: 'X-Correlation-Id', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  }
  return {
    actor: request.principal?.tokenId ?? 'anonymous',
    access: request.principal ? scopeOf(request.principal) : FULL_ACCESS,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(correlationId === undefined ? {} : { correlationId }),
  };
});

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** What every command answers (spec/api.md, "Conventions"). */
export class CommandAnswer {
  /** The id of what the command recorded or acted on. */
  id!: string;
  /** Global log position, as a decimal string: pass it as `minPosition` to read your own write. */
  position!: string;
}

/** 201 when the command wrote events, 200 when it repeated an applied one. */
export function answer(reply: FastifyReply, id: string, outcome: CommandOutcome): CommandAnswer {
  void reply.status(outcome.status === 'created' ? 201 : 200);
  return { id, position: outcome.position.toString() };
}
