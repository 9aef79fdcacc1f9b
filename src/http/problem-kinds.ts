import type { ErrorKind, KindedError } from '../shared/errors.js';
import { InvalidRequestError } from '../shared/errors.js';
import { problemType, type ProblemDetails } from './problem-details.js';

interface ProblemKind {
  readonly status: number;
  readonly title: string;
  /** The last segment of the problem type. */
  readonly slug: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** How each kind of error is answered over HTTP (docs/api.md, "Conventions" and "Security"). */
const PROBLEM_KINDS: Readonly<Record<ErrorKind, ProblemKind>> = {
  'invalid-request': { status: 400, title: 'Invalid request', slug: 'validation' },
  unauthenticated: {
    status: 401,
    title: 'Unauthorized',
    slug: 'unauthenticated',
    headers: { 'www-authenticate': 'Bearer realm="indicators"' },
  },
  forbidden: { status: 403, title: 'Forbidden', slug: 'forbidden' },
  'not-found': { status: 404, title: 'Not found', slug: 'not-found' },
  'not-acceptable': { status: 406, title: 'Not acceptable', slug: 'not-acceptable' },
  'too-large': { status: 413, title: 'Request body too large', slug: 'too-large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', slug: 'unsupported-media-type' },
  conflict: { status: 409, title: 'Conflicts with what is recorded', slug: 'conflict' },
  'concurrent-writers': { status: 409, title: 'Concurrent writers conflicted', slug: 'concurrency-conflict' },
  'not-reproducible': { status: 409, title: 'Publication not reproducible', slug: 'not-reproducible' },
  'rule-violation': { status: 422, title: 'Refused by a domain rule', slug: 'rule-violation' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key reused', slug: 'idempotency-key-reused' },
  // Retry-After is set by the rate limiter, which knows when the window ends.
  'rate-limited': { status: 429, title: 'Too many requests', slug: 'rate-limited' },
  'store-unavailable': {
    status: 503,
    title: 'Event store unavailable',
    slug: 'store-unavailable',
    headers: { 'retry-after': '5' },
  },
  'projections-behind': {
    status: 503,
    title: 'Read models not up to date yet',
    slug: 'projections-behind',
    headers: { 'retry-after': '1' },
  },
  'reads-busy': {
    status: 503,
    title: 'Too many expensive reads at once',
    slug: 'reads-busy',
    headers: { 'retry-after': '2' },
  },
  'pdf-unavailable': {
    status: 503,
    title: 'PDF not available',
    slug: 'pdf-unavailable',
    headers: { 'retry-after': '3600' },
  },
};

export function problemOf(error: KindedError): { problem: ProblemDetails; headers?: Record<string, string> } {
  const { status, title, slug, headers } = PROBLEM_KINDS[error.kind];
  const problem: ProblemDetails = {
    type: problemType(slug),
    title,
    status,
    detail: error.message,
    ...(error instanceof InvalidRequestError ? { errors: error.errors } : {}),
  };
  return headers ? { problem, headers: { ...headers } } : { problem };
}
