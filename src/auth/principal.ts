import type { Role } from './token.events.js';

/** Who is calling: the token's id (never its secret), its role and, for a partner, its MDEs. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  readonly mdes: readonly string[];
}

/**
 * What a caller may reach: everything (coordinators, auditors, the command
 * line), or the projects whose MDEs meet a partner's.
 */
export type AccessScope = { readonly kind: 'all' } | { readonly kind: 'mdes'; readonly mdes: readonly string[] };

export const FULL_ACCESS: AccessScope = { kind: 'all' };

export function scopeOf(principal: Principal): AccessScope {
  return principal.role === 'partner' ? { kind: 'mdes', mdes: principal.mdes } : FULL_ACCESS;
}

/** Whether a project with these MDEs is within the scope: a partner's MDEs must meet the project's. */
export function reaches(scope: AccessScope, projectMdes: readonly string[]): boolean {
  return scope.kind === 'all' || projectMdes.some((mde) => scope.mdes.includes(mde));
}
