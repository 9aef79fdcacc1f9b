import { InvalidRequestError } from '../shared/errors.js';

/**
 * A chain head as printed in a published report, for a person to type back:
 * the log position, the hash in groups of 4 hex digits and a two-digit check
 * code (docs/domain.md, "Anchors").
 */
export interface LedgerAnchor {
  readonly position: bigint;
  /** SHA-256, 64 lower-case hex digits. */
  readonly hash: string;
}

const MODULUS = 97n;

/**
 * ISO 7064 MOD 97-10 (as in an IBAN) over the number whose decimal digits are
 * the position and whose 256 low bits are the hash: as 97 is prime and divides
 * no power of 10 or 16, every single wrong digit (of the position, the hash or
 * the code) and every swap of two neighbouring digits changes the remainder;
 * other typos slip through once in 97.
 */
export function anchorCheck(anchor: LedgerAnchor): string {
  const value = (anchor.position << 256n) | BigInt(`0x${anchor.hash}`);
  return (98n - ((value * 100n) % MODULUS)).toString().padStart(2, '0');
}

/** `3f2a 9c1b … 01ad`: sixteen groups of four. */
export const groupedHash = (hash: string): string => hash.replace(/(.{4})(?=.)/g, '$1 ');

/** The whole anchor as one line to type: `1234:3f2a 9c1b … 01ad:47`. */
export const typedAnchor = (anchor: LedgerAnchor): string =>
  `${anchor.position}:${groupedHash(anchor.hash)}:${anchorCheck(anchor)}`;

/** The anchor as reports and answers give it: each part, and the whole line to type. */
export const printedAnchor = (anchor: LedgerAnchor) => ({
  position: anchor.position.toString(),
  hash: anchor.hash,
  check: anchorCheck(anchor),
  typed: typedAnchor(anchor),
});

const POSITION = /^\d{1,20}$/;

/** The hash as typed: hex digits in any case, grouped by spaces or dashes, or not. */
export function parseAnchorHash(typed: string, field: string): string {
  const hash = typed.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]*$/.test(hash))
    throw new InvalidRequestError([{ field, message: 'must be hex digits (0-9, a-f), in groups or not' }]);
  if (hash.length !== 64)
    throw new InvalidRequestError([{ field, message: `must be 64 hex digits (16 groups of 4); ${hash.length} given` }]);
  return hash;
}

export function parseAnchorPosition(typed: string, field: string): bigint {
  const position = typed.replace(/[\s.\u00a0\u202f]/g, '');
  if (!POSITION.test(position) || BigInt(position) > 2n ** 63n - 1n)
    throw new InvalidRequestError([{ field, message: 'must be a log position: a whole number' }]);
  return BigInt(position);
}

/** Refuses an anchor whose check code does not fit: a typo, not a different log. */
export function assertAnchorCheck(anchor: LedgerAnchor, typed: string, field: string): void {
  const check = typed.trim();
  if (!/^\d{2}$/.test(check))
    throw new InvalidRequestError([{ field, message: 'must be the two-digit check code printed after the hash' }]);
  if (check !== anchorCheck(anchor))
    throw new InvalidRequestError([
      { field, message: 'does not fit the position and hash: one of them was mistyped (nothing was verified)' },
    ]);
}

/**
 * Reads `position:hash[:check]` as printed or copied: the hash grouped or not,
 * the check code optional (checked when given).
 */
export function parseTypedAnchor(typed: string, field: string): LedgerAnchor {
  const parts = typed.split(':');
  if (parts.length < 2 || parts.length > 3)
    throw new InvalidRequestError([
      { field, message: 'must be position:hash or position:hash:check, as printed (e.g. 1234:3f2a 9c1b …:47)' },
    ]);
  const anchor = {
    position: parseAnchorPosition(parts[0]!, field),
    hash: parseAnchorHash(parts[1]!, field),
  };
  if (parts[2] !== undefined) assertAnchorCheck(anchor, parts[2], field);
  return anchor;
}
