import { hash } from 'node:crypto';
import type { AccessScope } from '../shared/access-scope.js';
import { canonicalJson } from '../shared/domain/same-content.js';
import { timeOrderedUuid } from './time-ordered-uuid.js';

/** Who sent a command, and how to recognise it when it is sent again. */
export interface CommandContext {
  /**
   * The Idempotency-Key when the client sent one, scoped to its sender
   * (`<actor>/<key>`: another token's key is another key); else a fresh
   * time-ordered UUID.
   */
  readonly commandId: string;
  /** The key as the client sent it, for the answers that name it. */
  readonly idempotencyKey?: string;
  /** Digest of the request (command type, path and body). */
  readonly requestHash: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The import and spreadsheet line the command came from, recorded in its events' metadata. */
  readonly origin?: ImportOrigin;
}

/** Where a command read from a spreadsheet came from: its import and its line (the header is line 1). */
export interface ImportOrigin {
  readonly importId: string;
  readonly line: number;
}

/** Who sent a command, as the adapter (HTTP, command line) knows it. */
export interface CommandSender {
  /** The token id (never its secret), recorded as the events' actor. */
  readonly actor: string;
  /** What the sender may act on: a partner only on projects of its MDEs. */
  readonly access: AccessScope;
  readonly idempotencyKey?: string;
  readonly correlationId?: string;
  readonly origin?: ImportOrigin;
}

/** The context of a command: the request digest covers its type and data, not what the server adds. */
export function commandContext(
  command: { readonly type: string; readonly data: object },
  sender: CommandSender,
): CommandContext {
  // Time-ordered, as event ids: the store's command id index then grows at its end
  // (a random id costs a page read in a large index, 1.4× the append cost at 1M events).
  const commandId =
    sender.idempotencyKey === undefined ? timeOrderedUuid() : senderScopedKey(sender.actor, sender.idempotencyKey);
  return {
    commandId,
    ...(sender.idempotencyKey === undefined ? {} : { idempotencyKey: sender.idempotencyKey }),
    requestHash: hash('sha256', canonicalJson({ type: command.type, data: command.data }), 'base64url'),
    actor: sender.actor,
    correlationId: sender.correlationId ?? commandId,
    causationId: commandId,
    ...(sender.origin === undefined ? {} : { origin: sender.origin }),
  };
}

/**
 * An Idempotency-Key belongs to the token that sent it: one partner can neither
 * learn whether another's key exists nor use it up. Actors (token ids, `admin`,
 * `cli`) hold no `/`, so the scoped key names one sender and one key.
 */
export const senderScopedKey = (actor: string, key: string): string => `${actor}/${key}`;

/**
 * Event ids derived from the sender's Idempotency-Key: a retried command produces
 * the same ids, which the store (SQLite, and EventStoreDB too) recognises.
 * Formatted as a version-8 (name-based, SHA-256) UUID. Without a key, a fresh
 * time-ordered one. A spreadsheet row's are derived from its import and line
 * first (`importEventId`).
 */
export function eventIdFor(context: CommandContext, index: number): string {
  if (context.idempotencyKey === undefined) return timeOrderedUuid();
  const digest = hash('sha256', `${context.commandId}\u0000${index}`, 'hex');
  return context.origin === undefined ? uuidV8(digest) : importEventId(context.origin, digest);
}

/** Lines numbered in 22 bits: a sheet holds far fewer (IMPORT_LIMITS), a larger number only loses its order. */
const LINE_BITS = 2 ** 22;

/**
 * An imported row's event ids, derived like every keyed command's (a retry
 * within the import makes the same ones) but sorted as the rows were: the
 * import's time and counter (its id is time-ordered), then the line, then the
 * digest of the key and the event's index, which sets apart the commands of one
 * line. An import's ids then go at the end of the store's event id index, where
 * key digests alone land at random places, each dirtying a page of the index:
 * the bench's 100,000-row import runs a fifth faster in this order.
 */
function importEventId(origin: ImportOrigin, digestHex: string): string {
  const importHex = origin.importId.replace(/-/g, '');
  // The variant (binary 10) above the line.
  const line = (2 * LINE_BITS + (origin.line % LINE_BITS)).toString(16);
  // The import's 48-bit time, version 8 in place of its 7, its 12-bit counter, the line, 40 bits of the digest.
  return formatUuid(`${importHex.slice(0, 12)}8${importHex.slice(13, 16)}${line}${digestHex.slice(0, 10)}`);
}

/** 32 hex digits of a SHA-256 as a version-8 UUID, RFC 4122 variant. */
function uuidV8(digestHex: string): string {
  const variant = ((parseInt(digestHex[16]!, 16) & 0x3) | 0x8).toString(16);
  return formatUuid(`${digestHex.slice(0, 12)}8${digestHex.slice(13, 16)}${variant}${digestHex.slice(17, 32)}`);
}

const formatUuid = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
