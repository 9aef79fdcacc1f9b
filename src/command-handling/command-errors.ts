/** The Idempotency-Key was already used for a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Concurrent writers to the same stream kept winning until the retries ran out. */
export class ConcurrencyConflictError extends Error {
  constructor(
    readonly stream: string,
    readonly attempts: number,
  ) {
    super(`Concurrent writers to ${stream} kept conflicting (${attempts} attempts); retry the command`);
    this.name = 'ConcurrencyConflictError';
  }
}
