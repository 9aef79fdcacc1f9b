import { problemType, type ProblemDetails } from '../http/problem-details.js';
import { reaches, type AccessScope } from './principal.js';

/** The token lacks the role, or the MDE scope, for what it asks: 403. */
export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }

  toProblem(): { problem: ProblemDetails } {
    return { problem: { type: problemType('forbidden'), title: 'Forbidden', status: 403, detail: this.message } };
  }
}

/** A partner may act on, and read, only the projects whose MDEs meet its own. */
export function requireAccess(scope: AccessScope, projectMdes: readonly string[], what: string): void {
  if (!reaches(scope, projectMdes)) {
    throw new AccessDeniedError(`${what} belongs to MDEs (${projectMdes.join(', ')}) outside this token's scope`);
  }
}
