/**
 * What went wrong, in words every adapter understands. An error says its kind
 * and nothing of HTTP: `src/http/problem-kinds.ts` is the one table that turns
 * kinds into problem details (status, title, type); the command line prints the
 * message.
 */
export type ErrorKind =
  | 'invalid-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'not-acceptable'
  | 'too-large'
  | 'unsupported-media-type'
  | 'conflict'
  | 'concurrent-writers'
  | 'not-reproducible'
  | 'rule-violation'
  | 'idempotency-key-reused'
  | 'rate-limited'
  | 'store-unavailable'
  | 'projections-behind'
  | 'pdf-unavailable'
  | 'reads-busy';

export abstract class KindedError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A part of a request (a body field, a path or query parameter, a header) is wrong; each one is named. */
export class InvalidRequestError extends KindedError {
  readonly kind = 'invalid-request';

  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}
