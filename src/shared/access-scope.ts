/**
 * What a caller may reach: everything (coordinators, auditors, the command
 * line), or the projects whose MDEs meet a partner's.
 */
export type AccessScope = { readonly kind: 'all' } | { readonly kind: 'mdes'; readonly mdes: readonly string[] };

export const FULL_ACCESS: AccessScope = { kind: 'all' };

/** Whether a project with these MDEs is within the scope: a partner's MDEs must meet the project's. */
export function reaches(scope: AccessScope, projectMdes: readonly string[]): boolean {
  return scope.kind === 'all' || projectMdes.some((mde) => scope.mdes.includes(mde));
}
