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
