import { FULL_ACCESS, type AccessScope } from '../shared/access-scope.js';
import type { Role } from './token.events.js';

/** Who is calling: the token's id (never its secret), its role and, for a partner, its MDEs. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  readonly mdes: readonly string[];
}

export function scopeOf(principal: Principal): AccessScope {
  return principal.role === 'partner' ? { kind: 'mdes', mdes: principal.mdes } : FULL_ACCESS;
}
