import { randomUUID } from 'node:crypto';

/**
 * A version-7 UUID (RFC 9562): the Unix time in milliseconds, then random bits.
 * Ids made one after the other sort in the order they were made, so the event
 * id index grows at its end instead of at a random place: appending costs the
 * same with ten thousand or a million events stored.
 *
 * The random bits are those of a version-4 UUID (same variant), whose first 48
 * bits are replaced by the time: randomUUID draws from a pool of entropy,
 * where randomBytes(16) made a system call for every id (3% of a command).
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}
