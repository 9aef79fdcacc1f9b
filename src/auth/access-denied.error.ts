import { reaches, type AccessScope } from '../shared/access-scope.js';
import { KindedError } from '../shared/errors.js';

/** The token lacks the role, or the MDE scope, for what it asks. */
export class AccessDeniedError extends KindedError {
  readonly kind = 'forbidden';
}

/** A partner may act on, and read, only the projects whose MDEs meet its own. */
export function requireAccess(scope: AccessScope, projectMdes: readonly string[], what: string): void {
  if (!reaches(scope, projectMdes)) {
    throw new AccessDeniedError(`${what} belongs to MDEs (${projectMdes.join(', ')}) outside this token's scope`);
  }
}
