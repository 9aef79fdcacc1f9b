import { reaches, type AccessScope } from '../shared/access-scope.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { KindedError } from '../shared/errors.js';

/** The token lacks the role, or the MDE scope, for what it asks. */
export class AccessDeniedError extends KindedError {
  readonly kind = 'forbidden';
}

const outsideScope = (what: string): AccessDeniedError =>
  new AccessDeniedError(`${what} is outside this token's scope`);

/**
 * A partner may act on, and read, only the projects whose MDEs meet its own.
 * The refusal names no MDE and no owner: it tells a partner nothing of others.
 */
export function requireAccess(scope: AccessScope, projectMdes: readonly string[], what: string): void {
  if (!reaches(scope, projectMdes)) throw outsideScope(what);
}

/**
 * A partner submits a project only for MDEs within its own scope (docs/domain.md):
 * a joint project of several MDEs is submitted by a coordinator, or by a
 * partner whose scope covers them all.
 */
export function requireWithinScope(scope: AccessScope, mdes: readonly string[], what: string): void {
  if (scope.kind === 'all' || mdes.every((mde) => scope.mdes.includes(mde))) return;
  throw new AccessDeniedError(
    `${what} names MDEs outside this token's scope: a partner submits only for its own MDEs, a coordinator submits joint projects`,
  );
}

/**
 * What a request names must exist: 404 for a coordinator or an auditor. A
 * partner is answered as for a thing outside its scope, so that whether
 * another MDE's project or session exists is no oracle.
 */
export function requireFound<T>(found: T | null | undefined, scope: AccessScope, what: string): T {
  if (found !== null && found !== undefined) return found;
  if (scope.kind === 'all') throw new NotFoundError(`${what} does not exist`);
  throw outsideScope(what);
}
