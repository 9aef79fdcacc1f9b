import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { type JsonSchema } from './answer-schemas.js';
import { CommandAnswer } from './command-answer.js';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from './problem-details.js';

/** An error answer: problem details (RFC 9457). */
export const problem = (status: number, description: string) =>
  applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ApiResponse({
      status,
      description,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
    }),
  );

/** The answers every command documents (docs/api.md, "Conventions"); `written` when it answers more than `{ id, position }`. */
export const CommandResponses = (notFound?: string, written?: JsonSchema) =>
  applyDecorators(
    ApiExtraModels(CommandAnswer),
    ApiResponse({
      status: 201,
      description: 'Recorded: events were written',
      schema: written ?? { $ref: getSchemaPath(CommandAnswer) },
    }),
    ApiResponse({
      status: 200,
      description: 'A repeat of an applied command: nothing was written',
      schema: written ?? { $ref: getSchemaPath(CommandAnswer) },
    }),
    problem(400, 'Malformed JSON, a missing, invalid or unknown field; `errors` names the fields'),
    ...(notFound ? [problem(404, notFound)] : []),
    problem(409, 'The id exists with different content, or concurrent writers kept conflicting'),
    problem(413, 'Body larger than 1 MiB'),
    problem(422, 'A domain rule refuses it, or the Idempotency-Key was used for another request'),
    problem(503, 'The event store cannot take writes now; retry after Retry-After'),
  );

/** An answer in several media types, each with its schema. */
export interface MediaTypes {
  readonly content: Record<string, { schema: JsonSchema }>;
}

const isMediaTypes = (answer: JsonSchema | MediaTypes): answer is MediaTypes =>
  typeof answer.content === 'object' && answer.content !== null;

/** A query's answers: `answer` (200, JSON, or each of several media types) and its errors. */
export const QueryResponses = (answer: JsonSchema | MediaTypes, description: string, notFound?: string) =>
  applyDecorators(
    ApiOkResponse(isMediaTypes(answer) ? { description, content: answer.content } : { description, schema: answer }),
    problem(400, 'An invalid path or query parameter'),
    ...(notFound ? [problem(404, notFound)] : []),
    problem(503, 'The read models did not reach minPosition within 5 s; retry after Retry-After'),
  );
