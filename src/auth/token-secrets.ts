import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A token reads `<id>.<secret>`: the id names it (and is the actor recorded in
 * events), the secret is 256 random bits, shown once, stored only as its hash.
 */
export interface IssuedSecret {
  readonly tokenId: string;
  readonly token: string;
  readonly secretHash: string;
}

export function newTokenSecret(tokenId = `tok_${randomBytes(9).toString('base64url')}`): IssuedSecret {
  const secret = randomBytes(32).toString('base64url');
  return { tokenId, token: `${tokenId}.${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return hash('sha256', secret);
}

/** Splits a presented token into its id and secret; null when it has not that shape. */
export function parseToken(token: string): { tokenId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { tokenId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/** Compares two secrets' hashes in constant time. */
export function sameHash(hexA: string, hexB: string): boolean {
  const a = Buffer.from(hexA, 'hex');
  const b = Buffer.from(hexB, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}
