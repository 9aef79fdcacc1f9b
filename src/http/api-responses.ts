import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CommandAnswer } from './command-answer.js';

const problem = (status: number, description: string) =>
  ApiResponse({ status, description: `${description} (application/problem+json)` });

/** The answers every command documents (spec/api.md, "Conventions"). */
export const CommandResponses = (notFound?: string) =>
  applyDecorators(
    ApiResponse({ status: 201, type: CommandAnswer, description: 'Recorded: events were written' }),
    ApiResponse({
      status: 200,
      type: CommandAnswer,
      description: 'A repeat of an applied command: nothing was written',
    }),
    problem(400, 'Malformed JSON, a missing, invalid or unknown field; `errors` names the fields'),
    ...(notFound ? [problem(404, notFound)] : []),
    problem(409, 'The id exists with different content, or concurrent writers kept conflicting'),
    problem(413, 'Body larger than 1 MiB'),
    problem(422, 'A domain rule refuses it, or the Idempotency-Key was used for another request'),
    problem(503, 'The event store cannot take writes now; retry after Retry-After'),
  );

export const QueryResponses = (notFound?: string) =>
  applyDecorators(
    problem(400, 'An invalid path or query parameter'),
    ...(notFound ? [problem(404, notFound)] : []),
    problem(503, 'The read models did not reach minPosition within 5 s; retry after Retry-After'),
  );
