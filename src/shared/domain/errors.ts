import { KindedError } from '../errors.js';

/**
 * Refusals a decider can give. They carry no HTTP status: the adapters map
 * their kind (404, 409, 422 over HTTP; a message on the command line).
 */
export abstract class DomainError extends KindedError {
  abstract override readonly kind: 'not-found' | 'conflict' | 'rule-violation';
}

/** The thing named by the command (in the path, over HTTP) does not exist. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The thing already exists, or was already decided, with different content. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** A rule of docs/domain.md refuses the command. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violation';
}
