import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from '../shared/errors.js';

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are documented under this base in the OpenAPI description. */
export const problemType = (slug: string): string => `https://indicators.example/problems/${slug}`;

/** One wrong field of a 400 answer. */
export class FieldErrorDto {
  @ApiProperty({ description: 'The field, as a path in the body (`carrier.type`), or a parameter', example: 'year' })
  field!: string;
  @ApiProperty({ example: 'must be an integer' })
  message!: string;
}

/** ProblemDetails as the OpenAPI document describes it. */
export class ProblemDetailsDto {
  @ApiProperty({ description: 'Identifies the kind of problem', example: problemType('validation') })
  type!: string;
  @ApiProperty({ description: 'The same for every problem of the type', example: 'Invalid request' })
  title!: string;
  @ApiProperty({ description: 'The HTTP status', example: 400 })
  status!: number;
  @ApiProperty({ description: 'What went wrong with this request' })
  detail!: string;
  @ApiPropertyOptional({ description: 'On 400: every wrong field', type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
