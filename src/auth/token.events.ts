import type { DomainEvent } from '../shared/domain/event.js';

export const ROLES = ['coordinator', 'partner', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenIssuedData {
  readonly tokenId: string;
  readonly role: Role;
  /** A partner's scope; empty for the other roles. */
  readonly mdes: readonly string[];
  readonly label: string;
  /**
   * SHA-256 of the secret (hex). The secret itself is shown once and never
   * stored; the hash of a 256-bit random secret cannot be turned back into it.
   */
  readonly secretHash: string;
}

export type TokenIssued = DomainEvent<'TokenIssued', TokenIssuedData>;
export type TokenRevoked = DomainEvent<'TokenRevoked', { readonly tokenId: string }>;
export type TokenEvent = TokenIssued | TokenRevoked;

export const TOKEN_EVENT_TYPES: readonly TokenEvent['type'][] = ['TokenIssued', 'TokenRevoked'];

export const tokenStream = (tokenId: string): string => `token-${tokenId}`;
