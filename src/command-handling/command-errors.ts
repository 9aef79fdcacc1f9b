import { KindedError } from '../shared/errors.js';

/** The Idempotency-Key was already used for a different request. */
export class IdempotencyKeyReusedError extends KindedError {
  readonly kind = 'idempotency-key-reused';

  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
  }
}

/** Concurrent writers to the same stream kept winning until the retries ran out. */
export class ConcurrencyConflictError extends KindedError {
  readonly kind = 'concurrent-writers';

  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`Concurrent writers to ${stream} kept conflicting (${attempts} attempts); retry the command`);
  }
}
