import { EventStoreUnavailableError } from '../event-store.port.js';

/**
 * SQLite result codes that mean "the storage cannot serve us now" rather than
 * "this request is wrong": the caller gets a 503 and nothing is acknowledged.
 */
const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CORRUPT|NOTADB|CANTOPEN|BUSY|LOCKED|PERM|NOMEM|PROTOCOL)/;

/** Recognised by its code, not by `instanceof`: the native module's errors may come from another realm. */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

export function toStoreError(error: unknown, action: string): Error {
  if (isSqliteError(error) && UNAVAILABLE_CODES.test(error.code)) {
    return new EventStoreUnavailableError(`The event store cannot ${action}: ${error.code} ${error.message}`, {
      cause: error,
    });
  }
  return isSqliteError(error) || error instanceof Error ? error : new Error(String(error));
}

export const isUniqueViolation = (error: unknown): boolean =>
  isSqliteError(error) && error.code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Why the events database cannot be opened, with what the operator can do: a
 * start-up error names the file and the remedy, and the file is left as it is.
 */
export function openFailure(error: unknown, path: string): Error {
  if (!isSqliteError(error)) return toStoreError(error, `open ${path}`);
  const damaged = /^SQLITE_(NOTADB|CORRUPT)/.test(error.code);
  const denied = /^SQLITE_(CANTOPEN|READONLY|PERM|AUTH)/.test(error.code);
  const remedy = damaged
    ? 'the file is damaged or is not an events database; it was left untouched: restore it from a backup'
    : denied
      ? 'check that DATA_DIR exists and that this user may write to it'
      : 'see the cause below';
  return new EventStoreUnavailableError(
    `Cannot open the events database ${path} (${error.code}: ${error.message}): ${remedy}`,
    {
      cause: error,
    },
  );
}
