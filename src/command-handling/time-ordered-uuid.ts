import { randomBytes } from 'node:crypto';

/**
 * A version-7 UUID (RFC 9562): the Unix time in milliseconds, then random bits.
 * Ids made one after the other sort in the order they were made, so the event
 * id index grows at its end instead of at a random place: appending costs the
 * same with ten thousand or a million events stored.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
