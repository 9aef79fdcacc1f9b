import type { EventMetadata, StoredEvent } from '../event-store/event-store.port.js';

/** An event of the log as the audit answers and the `events` command print it: as stored. */
export interface LoggedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  /** Fields of `data` left out of this answer; the chain and `indicators verify` still cover them. */
  readonly withheld?: readonly string[];
}

/**
 * What the audit API leaves out: a token's verifier would let whoever reads the
 * log try secrets offline, and an auditor needs to know a token was issued,
 * not how to check its secret.
 */
const WITHHELD: Readonly<Record<string, readonly string[]>> = { TokenIssued: ['secretHash'] };

export function loggedEvent(event: StoredEvent, options: { withholdSecrets?: boolean } = {}): LoggedEvent {
  const logged = {
    position: event.position.toString(),
    stream: event.stream,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
  const withheld = options.withholdSecrets ? WITHHELD[event.type] : undefined;
  if (!withheld) return logged;
  const data = Object.fromEntries(Object.entries(event.data).filter(([field]) => !withheld.includes(field)));
  return { ...logged, data, withheld };
}
